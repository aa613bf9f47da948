import type Router from '@koa/router';
import type { Middleware } from 'koa';

/** Path syntax beyond `/literal` and `/:param` segments; layers using it are always tested. */
const COMPLEX = /[*?+(){}[\]!\\]/;
const NON_ASCII = /[^\x00-\x7f]/;

interface LayerShape {
  path: unknown;
  methods: string[];
  opts?: { end?: boolean };
  match(path: string): boolean;
}

interface MatchResult {
  path: LayerShape[];
  pathAndMethod: LayerShape[];
  route: boolean;
}

/**
 * The segments a layer's path requires: a lower-cased literal, or null for a
 * segment holding a parameter (which matches any one segment). `end` layers
 * (routes) need exactly as many segments; others (`use`) a prefix of them.
 * Undefined: a path this shortcut does not model (RegExp, wildcards, groups).
 */
interface Shape {
  segments: (string | null)[];
  end: boolean;
}

/** `router.use(fn)` on a prefixed router: the prefix, then optionally anything (`{/*rest}`). */
const ANY_REST = /\{\/\*\w+\}$/;

function shapeOf(layer: LayerShape): Shape | undefined {
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

/** Request path segments, lower-cased, without the trailing empty one of a trailing slash (routes are not strict). */
function requestSegments(path: string): string[] | undefined {
  if (NON_ASCII.test(path) || !path.startsWith('/')) return undefined;
  const segments = path.toLowerCase().slice(1).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

function couldMatch(shape: Shape | undefined, request: string[] | undefined): boolean {
  if (shape === undefined || request === undefined) return true;
  const { segments, end } = shape;
  if (end ? request.length !== segments.length : request.length < segments.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const literal = segments[i];
    if (literal !== null && literal !== request[i]) return false;
  }
  return true;
}

/** A router's layers summed up by their first two segments: a cheap test of whether any layer could match. */
interface RouterSummary {
  /** Some layer starts with a parameter or has an unmodelled path: always look. */
  always: boolean;
  /** `first/second` of layers whose first two segments are literal. */
  pairs: Set<string>;
  /** First segment of layers with one segment, or a parameter second. */
  firsts: Set<string>;
}

function summarize(shapes: readonly (Shape | undefined)[]): RouterSummary {
  const summary: RouterSummary = { always: false, pairs: new Set(), firsts: new Set() };
  for (const shape of shapes) {
    const [first, second] = shape?.segments ?? [null];
    if (shape === undefined || first === null) summary.always = true;
    else if (shape.segments.length === 1 || second === null) summary.firsts.add(first);
    else summary.pairs.add(`${first}/${second}`);
  }
  return summary;
}

function routerCouldMatch(summary: RouterSummary, request: string[] | undefined): boolean {
  if (summary.always || request === undefined) return true;
  return summary.firsts.has(request[0]) || (request.length > 1 && summary.pairs.has(`${request[0]}/${request[1]}`));
}

/**
 * Mounts routers so that a request pays only for the layers it could match.
 * @koa/router tests every layer's regexp, reads the Host header and composes a
 * chain in every router on every request, so a request for one service paid
 * for the routes of all of them. Here each layer's path is reduced to its
 * segments (literal or parameter); a layer whose literal segments differ from
 * the request's is not tested, and a router none of whose layers could match
 * is skipped. Only impossible candidates are dropped: every remaining layer
 * still goes through @koa/router's own regexp, so results are unchanged.
 * Shapes are rebuilt when routes are added after the first request. One index
 * per app: the request's segments are computed once for all its routers.
 */
export function createRouteIndex(): { routes(router: Router): Middleware } {
  let lastPath: string | undefined;
  let lastSegments: string[] | undefined;
  const segmentsOf = (path: string) => {
    if (path !== lastPath) {
      lastSegments = requestSegments(path);
      lastPath = path;
    }
    return lastSegments;
  };

  const routes = (router: Router): Middleware => {
    const stack = router.stack as unknown as LayerShape[];
    let shapes: (Shape | undefined)[] = [];
    let summary = summarize(shapes);
    let built = -1;
    const refresh = () => {
      if (built !== stack.length) {
        shapes = stack.map(shapeOf);
        summary = summarize(shapes);
        built = stack.length;
      }
    };
    // Router#match's contract and result (see @koa/router), minus layers that cannot match.
    const indexed = router as unknown as { match(path: string, method: string): MatchResult };
    indexed.match = (path, method) => {
      refresh();
      const request = segmentsOf(path);
      const upperMethod = method.toUpperCase();
      const result: MatchResult = { path: [], pathAndMethod: [], route: false };
      for (let i = 0; i < stack.length; i++) {
        const layer = stack[i];
        if (!couldMatch(shapes[i], request) || !layer.match(path)) continue;
        result.path.push(layer);
        if (layer.methods.length === 0 || layer.methods.includes(upperMethod)) {
          result.pathAndMethod.push(layer);
          if (layer.methods.length > 0) result.route = true;
        }
      }
      return result;
    };
    const dispatch = router.routes() as unknown as Middleware;
    const middleware: Middleware = (ctx, next) => {
      refresh();
      if (!routerCouldMatch(summary, segmentsOf(ctx.path))) {
        // What routes() leaves behind when nothing matches: the list allowedMethods reads.
        const state = ctx as unknown as { matched?: unknown[] };
        state.matched ??= [];
        return next();
      }
      return dispatch(ctx, next);
    };
    // Like @koa/router's own dispatcher, it carries its router (tools walk koa's middleware for routes).
    return Object.assign(middleware, { router });
  };
  return { routes };
}
