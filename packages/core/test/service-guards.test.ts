import { createMimic, definePlugin, HttpError, respondJson, testClient, type MimicPlugin, type PluginContext, type ServiceGuard } from '@mimic/core';

/**
 * Service guards are installed on a service's router only once a guard
 * exists (so unguarded instances skip that work). Wherever and whenever the
 * guard is added, it must still run first, before the service's own middleware.
 */
const log: string[] = [];

const service = definePlugin({
  name: 'svc',
  core: '^0.1.0',
  services: [{ name: 'svc', type: 'x', implName: 'SvcApi', regions: ['ORD'], prefix: 'v1' }],
  setup(ctx) {
    const router = ctx.service('svc');
    router.use(async (_k, next) => {
      log.push('service middleware');
      await next();
    });
    router.get('/v1/:tenantId/things', (k) => {
      log.push('route');
      respondJson(k, 200, { tenant: k.params.tenantId });
    });
    // A guard may also be added later, e.g. from a request.
    ctx.router.post('/add-guard', (k) => {
      ctx.addServiceGuard(guardOn('late'));
      respondJson(k, 200, {});
    });
  },
});

function guardOn(locked: string): ServiceGuard {
  return (_k, target) => {
    log.push(`guard ${locked}`);
    if (target.tenantId === locked) throw new HttpError(401, 'locked', { kind: 'unauthorized' });
  };
}

const guardPlugin = (locked: string): MimicPlugin =>
  definePlugin({ name: `guard-${locked}`, core: '^0.1.0', setup: (ctx: PluginContext) => ctx.addServiceGuard(guardOn(locked)) });

async function withMimic(plugins: MimicPlugin[], run: (get: (path: string) => Promise<number>, post: (path: string) => Promise<number>) => Promise<void>) {
  const mimic = await createMimic({ plugins });
  const client = testClient(mimic);
  const id = mimic.app.catalog.get('svc')!.id;
  try {
    await run(
      async (path) => (await client.get(`/mimicking/${id}/ORD/v1${path}`)).status,
      async (path) => (await client.post(path)).status,
    );
  } finally {
    await mimic.close();
  }
}

beforeEach(() => {
  log.length = 0;
});

describe('service guards', () => {
  it('without guards, the service answers and nothing guards it', async () => {
    await withMimic([service], async (get) => {
      expect(await get('/t1/things')).toBe(200);
      expect(log).toEqual(['service middleware', 'route']);
    });
  });

  it('a guard installed before the service plugin still runs first', async () => {
    await withMimic([guardPlugin('t1'), service], async (get) => {
      expect(await get('/t1/things')).toBe(401);
      expect(log).toEqual(['guard t1']);
      log.length = 0;
      expect(await get('/t2/things')).toBe(200);
      expect(log).toEqual(['guard t1', 'service middleware', 'route']);
    });
  });

  it('a guard installed after the service plugin runs before its middleware', async () => {
    await withMimic([service, guardPlugin('t1')], async (get) => {
      expect(await get('/t2/things')).toBe(200);
      expect(log).toEqual(['guard t1', 'service middleware', 'route']);
    });
  });

  it('a guard added while running applies from then on, once, next to the others', async () => {
    await withMimic([service], async (get, post) => {
      expect(await get('/late/things')).toBe(200);
      expect(await post('/add-guard')).toBe(200);
      log.length = 0;
      expect(await get('/late/things')).toBe(401);
      expect(log).toEqual(['guard late']);
      expect(await post('/add-guard')).toBe(200);
      log.length = 0;
      expect(await get('/ok/things')).toBe(200);
      expect(log).toEqual(['guard late', 'guard late', 'service middleware', 'route']);
    });
  });

  it('unknown paths under a guarded service are still 404, not refused', async () => {
    await withMimic([guardPlugin('t1'), service], async (get) => {
      expect(await get('/t1/nowhere')).toBe(404);
      expect(log).toEqual([]);
    });
  });
});
