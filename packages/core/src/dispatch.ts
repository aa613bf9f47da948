import type Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';
import { JSON_CONTENT_TYPE } from './body';
import { setBounded } from './bounded';
import { isPromiseLike } from './promise-like';
import { couldMatch, couldMatchStart, requestSegments, shapeOf, type Shape } from './route-shape';

/** The parts of an @koa/router Layer the dispatcher uses (all present on `router.stack` entries). */
interface Layer {
  path: unknown;
  name?: string | null;
  methods: string[];
  stack: Middleware[];
  opts?: { end?: boolean };
  match(path: string): boolean;
  captures(path: string): string[];
  params(path: string, captures: string[], existing?: Record<string, string>): Record<string, string>;
}

interface Entry {
  router: number;
  layer: Layer;
  shape: Shape | undefined;
}

/** What a request matched in one router: every layer on its path, and those that also take its method. */
interface RouterMatch {
  path: Layer[];
  pathAndMethod: Layer[];
  route: boolean;
  /** Per layer of pathAndMethod, once entered: its captures and the params it adds (both fixed for a path). */
  entered: Array<EnteredLayer | undefined>;
}

interface EnteredLayer {
  captures: string[];
  params: Record<string, string>;
}

/** Router state @koa/router leaves on the context, kept for handlers and tools that read it. */
type RoutedContext = Context & {
  matched?: Layer[];
  router?: Router;
  routeMatched?: boolean;
  captures?: string[];
  routerPath?: unknown;
  routerName?: string;
  _matchedRoute?: unknown;
  _matchedRouteName?: string;
};

/** Distinct first-two-segment keys whose candidate lists are kept; unknown paths must not grow it forever. */
const CANDIDATE_CACHE_LIMIT = 512;
/** Distinct paths per method whose match is kept (clients repeat paths: polling, re-authenticating). */
const MATCH_CACHE_LIMIT = 1024;

/**
 * One middleware that does what `app.use(r.routes())` for each router in
 * order, then one `allowedMethods({throw: true})`, would do, with each request
 * paying only for layers that could match it. @koa/router, per router per
 * request, tests every layer's regexp, reads the Host header, and builds and
 * composes a fresh chain; with a dozen service routers that was most of a
 * request's routing cost. Here the routers are registries: their layers are
 * indexed once by their first two path segments (rebuilt when routes are
 * added), only candidates run their regexp, and the matched layers run in
 * @koa/router's order, with the same `ctx.params`, `ctx.captures`,
 * `ctx.matched`, `ctx.router` and `_matchedRoute`. Routers must not use the
 * `host` or `exclusive` options (core creates every router plugins see).
 */
export function createDispatcher(routers: readonly Router[]): Middleware {
  let entries: Entry[] = [];
  let built = -1;
  const candidates = new Map<string, Entry[]>();
  /** Per method, per path: what match() found (read-only once made). */
  const matches = new Map<string, Map<string, Array<RouterMatch | undefined>>>();
  const refresh = () => {
    let size = 0;
    for (const router of routers) size += router.stack.length;
    if (size === built) return;
    entries = [];
    routers.forEach((router, index) => {
      for (const layer of router.stack as unknown as Layer[]) entries.push({ router: index, layer, shape: shapeOf(layer) });
    });
    candidates.clear();
    matches.clear();
    built = size;
  };
  const candidatesFor = (request: string[] | undefined): Entry[] => {
    if (request === undefined) return entries;
    const key = request.length > 1 ? `${request[0]}/${request[1]}` : request[0];
    return (
      candidates.get(key) ??
      setBounded(candidates, key, entries.filter((entry) => couldMatchStart(entry.shape, request[0], request[1])), CANDIDATE_CACHE_LIMIT)
    );
  };

  /** Per router (by index), the layers this request matches; undefined for routers it matches nothing in. */
  const match = (path: string, method: string): Array<RouterMatch | undefined> => {
    const request = requestSegments(path);
    const byRouter: Array<RouterMatch | undefined> = [];
    for (const { router, layer, shape } of candidatesFor(request)) {
      if (!couldMatch(shape, request) || !layer.match(path)) continue;
      const found = (byRouter[router] ??= { path: [], pathAndMethod: [], route: false, entered: [] });
      found.path.push(layer);
      if (layer.methods.length === 0 || layer.methods.includes(method)) {
        found.pathAndMethod.push(layer);
        if (layer.methods.length > 0) found.route = true;
      }
    }
    return byRouter;
  };

  const cachedMatch = (path: string, method: string): Array<RouterMatch | undefined> => {
    let byPath = matches.get(method);
    if (byPath === undefined) matches.set(method, (byPath = new Map()));
    return byPath.get(path) ?? setBounded(byPath, path, match(path, method), MATCH_CACHE_LIMIT);
  };

  return (ctx, next) => {
    refresh();
    const routed = ctx as RoutedContext;
    // Read through ctx.request / ctx.req: each ctx.<x> is one more call (koa's delegates) on every request.
    const path = ctx.request.path;
    const method = ctx.req.method!.toUpperCase();
    const byRouter = cachedMatch(path, method);
    routed.matched ??= [];

    const fromRouter = (index: number): Promise<void> | undefined => {
      for (let i = index; i < routers.length; i++) {
        const found = byRouter[i];
        if (found === undefined) continue;
        routed.matched!.push(...found.path);
        routed.router = routers[i];
        routed.routeMatched = found.route;
        if (!found.route) continue;
        const route = lastRoute(found.pathAndMethod);
        routed._matchedRoute = route.path;
        if (route.name) routed._matchedRouteName = route.name;
        return runLayers(routed, path, found, () => fromRouter(i + 1));
      }
      return settled(next());
    };
    // Most handlers finish synchronously: then so does dispatch (no promise, no microtask hop).
    const running = fromRouter(0);
    if (running === undefined) {
      allowedMethods(routed, method);
      return undefined;
    }
    return running.then(() => allowedMethods(routed, method));
  };
}

/** A middleware's result as the dispatcher passes it on: its promise, or undefined when it finished synchronously. */
function settled(result: unknown): Promise<void> | undefined {
  return isPromiseLike(result) ? Promise.resolve(result as PromiseLike<void>) : undefined;
}

function lastRoute(layers: readonly Layer[]): Layer {
  for (let i = layers.length - 1; i > 0; i--) if (layers[i].methods.length > 0) return layers[i];
  return layers[0];
}

/**
 * Runs each layer's middleware in order, setting the layer's params first, as
 * @koa/router does. Returns undefined when every middleware it ran finished
 * synchronously; a synchronous throw propagates as a throw. `next()` always
 * hands a middleware a promise, as koa-compose does.
 */
function runLayers(ctx: RoutedContext, path: string, found: RouterMatch, done: () => Promise<void> | undefined): Promise<void> | undefined {
  const layers = found.pathAndMethod;
  const step = (layerIndex: number, fnIndex: number): Promise<void> | undefined => {
    if (layerIndex === layers.length) return done();
    const layer = layers[layerIndex];
    if (fnIndex === 0) enterLayer(ctx, path, layer, (found.entered[layerIndex] ??= entered(layer, path)));
    const last = fnIndex === layer.stack.length - 1;
    let called = false;
    const next: Next = () => {
      if (called) return Promise.reject(new Error('next() called multiple times'));
      called = true;
      try {
        return Promise.resolve(last ? step(layerIndex + 1, 0) : step(layerIndex, fnIndex + 1));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return settled(layer.stack[fnIndex](ctx, next));
  };
  return step(0, 0);
}

/** A layer's captures and own params for a path, worked out once: the regexp and the decoding are the same every time. */
function entered(layer: Layer, path: string): EnteredLayer {
  const captures = layer.captures(path);
  return { captures, params: layer.params(path, captures, {}) };
}

/**
 * Sets what @koa/router sets on entering a layer. Each request gets its own
 * captures array and params object (handlers may change them), the params being
 * those already on the request overlaid with the layer's own, as Layer#params does.
 */
function enterLayer(ctx: RoutedContext, path: string, layer: Layer, known: EnteredLayer): void {
  ctx.captures = known.captures.slice();
  const request = ctx.request as typeof ctx.request & { params?: Record<string, string> };
  request.params = { ...(ctx.params as Record<string, string> | undefined), ...known.params };
  ctx.params = request.params;
  ctx.routerPath = layer.path;
  ctx.routerName = layer.name || undefined;
  ctx._matchedRoute = layer.path;
  if (layer.name) ctx._matchedRouteName = layer.name;
}

/** @koa/router's methods (Router#methods default): others are not implemented, which a client is told as 405. */
const IMPLEMENTED = new Set(['HEAD', 'OPTIONS', 'GET', 'PUT', 'PATCH', 'POST', 'DELETE']);

/**
 * After the routers, a path that exists but not for this method: OPTIONS
 * lists the methods, others get a 405 naming them in `Allow`.
 */
function allowedMethods(ctx: RoutedContext, method: string): void {
  const status = ctx.response.status;
  if (status && status !== 404) return;
  const allowed = new Set<string>();
  for (const layer of ctx.matched ?? []) for (const verb of layer.methods) allowed.add(verb);
  if (!IMPLEMENTED.has(method) || (allowed.size > 0 && method !== 'OPTIONS' && !allowed.has(method))) {
    throw Object.assign(new Error('Method Not Allowed'), { status: 405, expose: true, headers: allowed.size > 0 ? { Allow: [...allowed].join(', ') } : undefined });
  }
  if (method === 'OPTIONS' && allowed.size > 0) {
    ctx.status = 200;
    ctx.body = '';
    // An empty answer that still says JSON, like every other (core.md §1).
    ctx.set('Content-Type', JSON_CONTENT_TYPE);
    ctx.set('Allow', [...allowed].join(', '));
  }
}
