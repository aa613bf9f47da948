import Router from '@koa/router';
import fc from 'fast-check';
import { createRouteIndex } from '../src/route-index';

/**
 * The route index only skips layers that cannot match, so @koa/router's own
 * `match` and the indexed one must agree on every path and method.
 */
const noop = async () => undefined;

function define(router: Router): Router {
  router.get('/', noop);
  router.post('/mimic/v1.1/tick', noop);
  router.get('/mimic/v1.0/presets', noop);
  router.post('/identity/v2.0/tokens', noop);
  router.get('/identity/v2.0/tokens/:tokenId', noop);
  router.delete('/identity/v2.0/tokens/:tokenId', noop);
  router.get('/identity/v2.0/RAX-AUTH/domains/:id/endpoints', noop);
  router.get('/files/{*rest}', noop);
  router.get('/optional{/:extra}', noop);
  router.use('/admin', noop);
  return router;
}

function defineService(router: Router): Router {
  router.use(noop);
  router.get('/v2/:tenantId/servers', noop);
  router.post('/v2/:tenantId/servers', noop);
  router.get('/v2/:tenantId/servers/detail', noop);
  router.get('/v2/:tenantId/servers/:serverId', noop);
  router.put('/v2/:tenantId/servers/:serverId/metadata/:key', noop);
  router.get('/v2/:tenantId/loadbalancers/:id/nodes/:nodeId.atom', noop);
  return router;
}

/** Only paths the index models (no wildcards or groups), so the router-level skip is exercised too. */
function defineSimple(router: Router): Router {
  router.get('/', noop);
  router.use('/admin', noop);
  router.get('/x/:id', noop);
  router.post('/mimic/v1.1/tick', noop);
  return router;
}

const PREFIX = '/mimicking/NovaApi-ab12cd/:region';
const pairs = [
  { original: define(new Router()), indexed: define(new Router()) },
  { original: defineService(new Router({ prefix: PREFIX })), indexed: defineService(new Router({ prefix: PREFIX })) },
  { original: defineSimple(new Router()), indexed: defineSimple(new Router()) },
];
const index = createRouteIndex();
const mounted = pairs.map((pair) => index.routes(pair.indexed));

type Match = { path: Array<{ path: unknown }>; pathAndMethod: Array<{ path: unknown }>; route: boolean };
const summary = (router: Router, path: string, method: string) => {
  const result = (router as unknown as { match(p: string, m: string): Match }).match(path, method);
  return { path: result.path.map((l) => String(l.path)), pathAndMethod: result.pathAndMethod.map((l) => String(l.path)), route: result.route };
};

const TEMPLATES = [
  '/',
  '/mimic/v1.1/tick',
  '/mimic/v1.0/presets',
  '/identity/v2.0/tokens',
  '/identity/v2.0/tokens/:x',
  '/identity/v2.0/RAX-AUTH/domains/:x/endpoints',
  '/files/:x/:x',
  '/optional',
  '/optional/:x',
  '/admin/:x',
  '/admin',
  '/x/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/detail',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/:x/metadata/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/loadbalancers/:x/nodes/:x.atom',
  '/mimicking/NovaApi-ab12cd/:x',
  '/mimicking/Other-000000/:x/v2/:x/servers',
];

const segment = fc.stringMatching(/^[A-Za-z0-9._~%:-]{0,6}$/);
const requestPath = fc
  .record({
    template: fc.constantFrom(...TEMPLATES),
    fills: fc.array(segment, { minLength: 8, maxLength: 8 }),
    upper: fc.boolean(),
    trailing: fc.constantFrom('', '/', '//'),
    extra: fc.option(segment, { nil: undefined }),
    drop: fc.boolean(),
  })
  .map(({ template, fills, upper, trailing, extra, drop }) => {
    let i = 0;
    let path = template.replace(/:x/g, () => fills[i++]);
    if (upper) path = path.toUpperCase();
    if (drop) path = path.replace(/\/[^/]*$/, '');
    if (extra !== undefined) path = `${path}/${extra}`;
    return `${path}${trailing}`;
  });
const anyPath = fc.oneof(requestPath, fc.string().map((s) => `/${s}`), fc.string());
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get');

describe('route index', () => {
  it('matches exactly what @koa/router matches, for any path and method', () => {
    fc.assert(
      fc.property(anyPath, method, (path, verb) => {
        for (const { original, indexed } of pairs) {
          expect(summary(indexed, path, verb)).toEqual(summary(original, path, verb));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a router only when none of its layers matches the path', async () => {
    await fc.assert(
      fc.asyncProperty(anyPath, method, async (path, verb) => {
        for (const [i, { original, indexed }] of pairs.entries()) {
          const ctx = { path, method: verb, host: 'h', request: {}, state: {} } as unknown as { router?: unknown; matched?: unknown[] };
          await mounted[i](ctx as never, async () => undefined);
          const matchesSomething = summary(original, path, verb).path.length > 0;
          if (matchesSomething) expect(ctx.router).toBe(indexed);
          expect(ctx.matched).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('skips a prefixed router with router.use middleware for paths of other services', async () => {
    const ctx = { path: '/mimicking/Other-000000/ORD/v2/t/servers', method: 'GET', host: 'h', request: {}, state: {} } as unknown as {
      router?: unknown;
      matched?: unknown[];
    };
    await mounted[1](ctx as never, async () => undefined);
    expect(ctx.router).toBeUndefined();
    expect(ctx.matched).toEqual([]);
  });

  it('still finds the routes (the comparison is not vacuous)', () => {
    const service = pairs[1].indexed;
    expect(summary(service, '/mimicking/NovaApi-ab12cd/ORD/v2/t1/servers/detail', 'GET').pathAndMethod).toHaveLength(3);
    expect(summary(service, '/MIMICKING/novaapi-AB12CD/ORD/v2/t1/servers/', 'POST').route).toBe(true);
    expect(summary(pairs[0].indexed, '/files/a/b/c', 'GET').route).toBe(true);
    expect(summary(pairs[0].indexed, '/optional/x', 'GET').route).toBe(true);
    expect(summary(pairs[0].indexed, '/nowhere', 'GET').path).toEqual([]);
  });

  it('sees routes added after the first request', () => {
    const router = new Router();
    createRouteIndex().routes(router);
    expect(summary(router, '/late', 'GET').route).toBe(false);
    router.get('/late', noop);
    expect(summary(router, '/late', 'GET').route).toBe(true);
  });
});
