import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import fc from 'fast-check';
import Koa, { type Middleware } from 'koa';
import { createDispatcher } from '../src/dispatch';

/**
 * The dispatcher must answer exactly what @koa/router answers when each router
 * is mounted with `app.use(router.routes())` after one `allowedMethods({throw: true})`:
 * same handlers, in the same order, with the same params and matched route.
 * Two real koa apps, one per implementation, get the same generated requests.
 */

/** Each middleware appends its label, the params it sees and the matched route to a trace. */
const mark =
  (label: string, passOn = false): Middleware =>
  async (ctx, next) => {
    const trace = ((ctx.state.trace as unknown[]) ??= []);
    trace.push([label, { ...ctx.params }, ctx._matchedRoute ?? null]);
    ctx.status = 200;
    ctx.body = '';
    if (passOn) await next();
  };
const pass = (label: string) => mark(label, true);
/** The same, finishing synchronously: no promise unless it hands on (`return next()`). */
const markSync =
  (label: string, passOn = false): Middleware =>
  (ctx, next) => {
    const trace = ((ctx.state.trace as unknown[]) ??= []);
    trace.push([label, { ...ctx.params }, ctx._matchedRoute ?? null]);
    ctx.status = 200;
    ctx.body = '';
    return passOn ? next() : undefined;
  };
const passSync = (label: string) => markSync(label, true);
const boom: Middleware = (ctx) => {
  ((ctx.state.trace as unknown[]) ??= []).push(['boom', { ...ctx.params }, null]);
  throw new Error('synchronous failure');
};

function routerSet(): Router[] {
  const control = new Router();
  control.get('/', mark('root'));
  control.post('/mimic/v1.1/tick', mark('tick'));
  control.get('/files/{*rest}', mark('files'));
  control.get('/optional{/:extra}', mark('optional'));
  control.use('/admin', pass('admin-use'));
  control.get('/admin/:id', mark('admin-get'));
  control.get('/shared/:id', pass('shared-first'));
  control.get('/sync', markSync('sync-only'));
  control.get('/chain/:id', passSync('chain-first'));
  control.get('/boom/:id', passSync('boom-pass'));

  const identity = new Router();
  identity.post('/identity/v2.0/tokens', mark('auth'));
  identity.get('/identity/v2.0/tokens/:tokenId', mark('token-get'));
  identity.delete('/identity/v2.0/tokens/:tokenId', mark('token-delete'));
  identity.get('/shared/:name', mark('shared-second'));
  identity.get('/x/:id', mark('x'));
  identity.get('/chain/:id', markSync('chain-second'));
  identity.get('/boom/:id', boom);
  // Param middleware lives in each layer's stack: it runs once per request, before the handler.
  identity.param('id', (id, ctx, next) => {
    ((ctx.state.trace as unknown[]) ??= []).push(['param', id, null]);
    return next();
  });

  const service = new Router({ prefix: '/mimicking/NovaApi-ab12cd/:region' });
  service.use(pass('guard'));
  service.get('/v2/:tenantId/servers', mark('list'));
  service.post('/v2/:tenantId/servers', mark('create'));
  service.get('/v2/:tenantId/servers/detail', mark('detail'));
  service.get('/v2/:tenantId/servers/:serverId', mark('get'));
  service.put('/v2/:tenantId/servers/:serverId/metadata/:key', mark('meta-put'));
  service.get('/v2/:tenantId/loadbalancers/:id/nodes/:nodeId.atom', mark('feed'));
  service.get('/v2/:tenantId/twice', pass('twice-a'), mark('twice-b'));
  service.get('/v2/:tenantId/sync', passSync('sync-a'), markSync('sync-b'));
  service.post('/v2/:tenantId/sync', passSync('sync-post'), boom);

  const other = new Router({ prefix: '/mimicking/Other-000000/:region' });
  other.get('/v2/:tenantId/servers', mark('other-list'));
  return [control, identity, service, other];
}

function traceJson(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const { status = 500, headers } = error as { status?: number; headers?: Record<string, string> };
      if (headers) ctx.set(headers);
      // @koa/router's 501 for a method it does not know is answered 405 by Mimic.
      ctx.status = status === 501 ? 405 : status;
    }
    ctx.set('x-trace', encodeURIComponent(JSON.stringify(ctx.state.trace ?? [])));
  };
}

function reference(): Koa {
  const app = new Koa();
  const routers = routerSet();
  app.use(traceJson());
  app.use(routers[0].allowedMethods({ throw: true }));
  for (const router of routers) app.use(router.routes());
  return app;
}

function dispatched(): Koa {
  const app = new Koa();
  app.use(traceJson());
  app.use(createDispatcher(routerSet()));
  return app;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let servers: Server[] = [];
let ports: number[] = [];

beforeAll(async () => {
  servers = [reference(), dispatched()].map((app) => createServer(app.callback()).listen(0, '127.0.0.1'));
  await Promise.all(servers.map((server) => once(server, 'listening')));
  ports = servers.map((server) => (server.address() as AddressInfo).port);
});

afterAll(async () => {
  agent.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

interface Answer {
  status: number;
  trace: unknown;
  allow?: string;
  type?: string;
}

function send(port: number, method: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        const trace = res.headers['x-trace'];
        resolve({
          status: res.statusCode ?? 0,
          trace: trace === undefined ? null : JSON.parse(decodeURIComponent(String(trace))),
          allow: res.headers.allow,
          type: res.headers['content-type'],
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `use(port)` against a koa app of traceJson + the dispatcher over `router`, on a server of its own. */
async function onDispatcher(router: Router, use: (port: number) => Promise<void>): Promise<void> {
  const app = new Koa();
  app.use(traceJson());
  app.use(createDispatcher([router]));
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await use((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const TEMPLATES = [
  '/',
  '/mimic/v1.1/tick',
  '/identity/v2.0/tokens',
  '/identity/v2.0/tokens/:x',
  '/files/:x/:x',
  '/optional',
  '/optional/:x',
  '/admin/:x',
  '/admin',
  '/shared/:x',
  '/x/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/detail',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/servers/:x/metadata/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/loadbalancers/:x/nodes/:x.atom',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/twice',
  '/mimicking/NovaApi-ab12cd/:x',
  '/mimicking/Other-000000/:x/v2/:x/servers',
  '/sync',
  '/chain/:x',
  '/boom/:x',
  '/mimicking/NovaApi-ab12cd/:x/v2/:x/sync',
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
    return `${path}${trailing}` || '/';
  });
const anyPath = fc.oneof(requestPath, fc.stringMatching(/^[A-Za-z0-9/._~%-]{0,20}$/).map((s) => `/${s}`));
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'PROPFIND');

describe('dispatcher', () => {
  it('runs the same middleware, with the same params, and answers the same status as @koa/router', async () => {
    await fc.assert(
      fc.asyncProperty(anyPath, method, async (path, verb) => {
        const [expected, actual] = await Promise.all(ports.map((port) => send(port, verb, path)));
        expect({ status: actual.status, trace: actual.trace }).toEqual({ status: expected.status, trace: expected.trace });
      }),
      { numRuns: Number(process.env.RUNS ?? 1500) },
    );
  });

  it('is not vacuous: routes, router-level middleware, params and fall-through are exercised', async () => {
    const [port] = ports.slice(1);
    expect((await send(port, 'GET', '/mimicking/NovaApi-ab12cd/ORD/v2/t1/servers/s%201')).trace).toEqual([
      // A layer's params and matched route are set as it is entered (the guard is a router.use layer).
      ['guard', { region: 'ORD' }, '/mimicking/NovaApi-ab12cd/:region{/*rest}'],
      ['get', { region: 'ORD', tenantId: 't1', serverId: 's 1' }, '/mimicking/NovaApi-ab12cd/:region/v2/:tenantId/servers/:serverId'],
    ]);
    // A handler that calls next() hands over to the next router's match.
    expect((await send(port, 'GET', '/shared/7')).trace).toEqual([
      ['shared-first', { id: '7' }, '/shared/:id'],
      ['shared-second', { id: '7', name: '7' }, '/shared/:name'],
    ]);
    expect((await send(port, 'GET', '/mimicking/NovaApi-ab12cd/ORD/v2/t/twice')).trace.map((step: unknown[]) => step[0])).toEqual([
      'guard',
      'twice-a',
      'twice-b',
    ]);
    expect((await send(port, 'GET', '/x/9')).trace.map((step: unknown[]) => step[0])).toEqual(['param', 'x']);
    expect((await send(port, 'GET', '/nowhere')).status).toBe(404);
    // Synchronous handlers: alone, handing on to the next router (whose param middleware runs), and throwing.
    expect((await send(port, 'GET', '/sync')).trace.map((step: unknown[]) => step[0])).toEqual(['sync-only']);
    expect((await send(port, 'GET', '/chain/1')).trace.map((step: unknown[]) => step[0])).toEqual(['chain-first', 'param', 'chain-second']);
    const thrown = await send(port, 'GET', '/boom/1');
    expect({ status: thrown.status, steps: thrown.trace.map((step: unknown[]) => step[0]) }).toEqual({ status: 500, steps: ['boom-pass', 'param', 'boom'] });
    const post = await send(port, 'POST', '/mimicking/NovaApi-ab12cd/ORD/v2/t/sync');
    expect({ status: post.status, steps: post.trace.map((step: unknown[]) => step[0]) }).toEqual({ status: 500, steps: ['guard', 'sync-post', 'boom'] });
  });

  it('answers 405 with the allowed methods in Allow, and OPTIONS with them', async () => {
    const port = ports[1];
    const wrong = await send(port, 'DELETE', '/mimicking/NovaApi-ab12cd/ORD/v2/t/servers');
    expect(wrong.status).toBe(405);
    expect(wrong.allow?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const options = await send(port, 'OPTIONS', '/identity/v2.0/tokens/abc');
    expect(options.status).toBe(200);
    expect(options.allow?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD']);
    expect(options.type).toMatch(/^application\/json/);
    expect((await send(port, 'PROPFIND', '/')).status).toBe(405);
  });

  it('gives every path its own params, past the number of remembered matches', async () => {
    const router = new Router();
    router.get('/items/:id', mark('item'));
    await onDispatcher(router, async (port) => {
      for (const i of [...Array.from({ length: 1100 }, (_, n) => n), 3, 1099, 3]) {
        expect((await send(port, 'GET', `/items/i${i}`)).trace).toEqual([['item', { id: `i${i}` }, '/items/:id']]);
      }
      expect((await send(port, 'POST', '/items/i3')).status).toBe(405);
    });
  });

  it('hands each request its own params and captures: a handler that changes them leaves the next request alone', async () => {
    const router = new Router();
    router.get('/items/:id', (ctx) => {
      ctx.state.trace = [[ctx.params.id, ctx.params.extra ?? null, (ctx as { captures?: string[] }).captures?.join(',') ?? null]];
      ctx.params.id = 'changed';
      ctx.params.extra = 'leaked';
      (ctx as { captures?: string[] }).captures?.push('leaked');
      ctx.status = 200;
      ctx.body = '';
    });
    await onDispatcher(router, async (port) => {
      for (let i = 0; i < 3; i++) expect((await send(port, 'GET', '/items/a%20b')).trace).toEqual([['a b', null, 'a%20b']]);
    });
  });

  it('sees routes added after the first request', async () => {
    const router = new Router();
    await onDispatcher(router, async (port) => {
      expect((await send(port, 'GET', '/late')).status).toBe(404);
      router.get('/late', mark('late'));
      expect((await send(port, 'GET', '/late')).status).toBe(200);
    });
  });
});
