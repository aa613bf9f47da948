/**
 * A cheap, conservative model of an @koa/router layer's path, used to skip
 * layers that cannot match a request before running their regexp. It only
 * ever rules layers out: whatever it keeps is still tested by the layer itself.
 */

/** Path syntax beyond `/literal` and `/:param` segments; layers using it are always tested. */
const COMPLEX = /[*?+(){}[\]!\\]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** `router.use(fn)` on a prefixed router: the prefix, then optionally anything (`{/*rest}`). */
const ANY_REST = /\{\/\*\w+\}$/;

/**
 * The segments a layer's path requires: a lower-cased literal, or null for a
 * segment holding a parameter (which matches any one segment). `end` layers
 * (routes) need exactly as many segments; others (`use`) a prefix of them.
 */
export interface Shape {
  segments: (string | null)[];
  end: boolean;
}

/** The parts of an @koa/router Layer the shape reads. */
export interface LayerPath {
  path: unknown;
  opts?: { end?: boolean };
}

/** Undefined: a path this model does not cover (RegExp, wildcards, groups); such a layer is always tested. */
export function shapeOf(layer: LayerPath): Shape | undefined {
  if (typeof layer.path !== 'string' || !layer.path.startsWith('/')) return undefined;
  const rest = ANY_REST.test(layer.path);
  const path = rest ? layer.path.replace(ANY_REST, '') : layer.path;
  if (COMPLEX.test(path)) return undefined;
  const segments = path
    .slice(1)
    .split('/')
    .map((segment) => (segment.includes(':') ? null : segment.toLowerCase()));
  return { segments, end: !rest && layer.opts?.end !== false };
}

/**
 * Request path segments, lower-cased (routes are case-insensitive), without the
 * empty one a trailing slash leaves (routes are not strict). Undefined: a path
 * the model does not cover; every layer is then tested.
 */
export function requestSegments(path: string): string[] | undefined {
  if (NON_ASCII.test(path) || !path.startsWith('/')) return undefined;
  const segments = path.toLowerCase().slice(1).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

/** False only when the layer cannot match a request with these segments. */
export function couldMatch(shape: Shape | undefined, request: string[] | undefined): boolean {
  if (shape === undefined || request === undefined) return true;
  const { segments, end } = shape;
  if (end ? request.length !== segments.length : request.length < segments.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const literal = segments[i];
    if (literal !== null && literal !== request[i]) return false;
  }
  return true;
}

/** False only when the layer cannot match any request whose first two segments are these. */
export function couldMatchStart(shape: Shape | undefined, first: string, second: string | undefined): boolean {
  if (shape === undefined) return true;
  const [a, b] = shape.segments;
  if (a !== null && a !== first) return false;
  if (shape.segments.length < 2 || b === null) return true;
  return b === second;
}
