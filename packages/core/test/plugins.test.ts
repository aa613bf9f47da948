import { createMimic, definePlugin, HttpError, PluginError, respondJson, testClient, validatePlugins, type MimicPlugin } from '@mimic/core';
import { queues } from './fixtures/queues-plugin';

const minimal = (overrides: Record<string, unknown> = {}) => ({ name: 'p', core: '^0.1.0', setup() {}, ...overrides }) as unknown as MimicPlugin;
const service = { name: 'svc', type: 't', implName: 'SvcApi', regions: ['ORD'], prefix: 'v1' };

describe('plugin descriptors are validated early', () => {
  it.each([
    ['no name', { name: '' }, /has no name/],
    ['a bad core range', { core: 'banana' }, /"p": `core` must be a semver range/],
    ['an incompatible core range', { core: '^2.0.0' }, /"p": needs @mimic\/core \^2\.0\.0 but this is 0\.1\.0/],
    ['no setup', { setup: 'nope' }, /"p": `setup` must be a function/],
    ['services not a list', { services: {} }, /"p": `services` must be a list/],
    ['a service without regions', { services: [{ ...service, regions: [] }] }, /services\[0\]\.regions/],
    ['a bad implName', { services: [{ ...service, implName: 'has space' }] }, /services\[0\]\.implName/],
    ['a prefix with slashes around it', { services: [{ ...service, prefix: '/v1/' }] }, /services\[0\]\.prefix/],
    ['presets not an object', { presets: [] }, /`presets` must be an object/],
  ])('rejects %s, naming the plugin and the fix', (_label, overrides, message) => {
    expect(() => definePlugin(minimal(overrides))).toThrow(PluginError);
    expect(() => definePlugin(minimal(overrides))).toThrow(message);
  });

  it('rejects duplicates across plugins', () => {
    expect(() => validatePlugins([minimal(), minimal()])).toThrow(/"p": is installed twice/);
    expect(() => validatePlugins([minimal({ services: [service] }), minimal({ name: 'q', services: [service] })])).toThrow(
      /"q": service "svc" is already provided by "p"/,
    );
    expect(() =>
      validatePlugins([minimal({ services: [service] }), minimal({ name: 'q', services: [{ ...service, name: 'other' }] })]),
    ).toThrow(/implName "SvcApi"/);
    expect(() => validatePlugins([minimal({ presets: { a: 1 } }), minimal({ name: 'q', presets: { a: 2 } })])).toThrow(/presets section "a"/);
  });

  it('createMimic refuses an invalid plugin list before listening', async () => {
    await expect(createMimic({ plugins: [queues(), queues()] })).rejects.toThrow(PluginError);
  });

  it('a plugin asking for an undeclared service router gets a clear error', async () => {
    const plugin = minimal({ setup: (ctx: { service(name: string): unknown }) => ctx.service('nope') });
    await expect(createMimic({ plugins: [plugin] })).rejects.toThrow(/"p" has no service "nope"/);
  });
});

describe('a test-only plugin through the public contract', () => {
  it('serves routes, catalog entries, presets and behaviours over HTTP', async () => {
    const mimic = await createMimic({ plugins: [queues()] });
    try {
      const client = testClient(mimic);
      const id = mimic.app.catalog.get('cloudQueues')!.id;
      const base = `/mimicking/${id}/ORD/v1/555`;
      expect((await client.put(`${base}/queues/a`)).status).toBe(201);
      expect((await client.get(`${base}/queues`)).json).toEqual({ queues: [{ name: 'a', created: '1970-01-01T00:00:00.000000Z' }] });
      expect((await client.put(`${base}/queues/b`, { body: [] })).json).toEqual({ badRequest: { message: 'Queue metadata must be a JSON object', code: 400 } });

      const registered = await client.post(`${base}/behaviors/creation`, {
        body: { name: 'fail', parameters: { code: 503, message: 'nope' }, criteria: [{ queue_name: 'bad' }] },
      });
      expect(registered.status).toBe(201);
      expect(registered.json.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await client.put(`${base}/queues/badly`)).json).toEqual({ serviceUnavailable: { message: 'nope', code: 503 } });
      expect((await client.put(`${base}/queues/good`)).status).toBe(201);
      // other tenants and regions are unaffected
      expect((await client.put(`/mimicking/${id}/DFW/v1/555/queues/badly`)).status).toBe(201);

      const deleted = await client.delete(`${base}/behaviors/creation/${registered.json.id}`);
      expect(deleted.status).toBe(204);
      // Empty answers still say JSON (core.md §1), and a 204 carries no length.
      expect(deleted.headers.get('content-type')).toMatch(/^application\/json/);
      expect(deleted.headers.get('content-length')).toBeNull();
      expect((await client.delete(`${base}/behaviors/creation/${registered.json.id}`)).status).toBe(404);
      expect((await client.delete(`${base}/behaviors/creation/not-a-uuid`)).json.itemNotFound.code).toBe(404);
      expect((await client.put(`${base}/queues/badly`)).status).toBe(201);
    } finally {
      await mimic.close();
    }
  });

  it.each([
    ['not JSON', { raw: '{' }],
    ['no criteria', { body: { name: 'fail', parameters: {} } }],
    ['an unknown behaviour', { body: { name: 'nope', parameters: {}, criteria: [] } }],
    ['an unknown criterion', { body: { name: 'fail', parameters: {}, criteria: [{ colour: 'x' }] } }],
  ])('behaviour registration with %s answers 400 JSON', async (_label, request) => {
    const mimic = await createMimic({ plugins: [queues()] });
    try {
      const id = mimic.app.catalog.get('cloudQueues')!.id;
      const res = await testClient(mimic).post(`/mimicking/${id}/ORD/v1/1/behaviors/creation`, request);
      expect(res.status).toBe(400);
      expect(res.json.badRequest.code).toBe(400);
    } finally {
      await mimic.close();
    }
  });

  it('service guards see the service, region and tenant, and can refuse', async () => {
    const seen: unknown[] = [];
    const guard = definePlugin({
      name: 'guard',
      core: '^0.1.0',
      setup(ctx) {
        ctx.addServiceGuard((_k, target) => {
          seen.push({ service: target.service.name, region: target.region, tenant: target.tenantId });
          if (target.tenantId === 'locked') throw new HttpError(401, 'No token', { kind: 'unauthorized' });
        });
        ctx.router.get('/free', (k) => respondJson(k, 200, {}));
      },
    });
    const mimic = await createMimic({ plugins: [queues(), guard] });
    try {
      const client = testClient(mimic);
      const id = mimic.app.catalog.get('cloudQueues')!.id;
      expect((await client.get(`/mimicking/${id}/DFW/v1/open/queues`)).status).toBe(200);
      const refused = await client.get(`/mimicking/${id}/DFW/v1/locked/queues`);
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ unauthorized: { message: 'No token', code: 401 } });
      expect((await client.get('/free')).status).toBe(200);
      expect(seen).toEqual([
        { service: 'cloudQueues', region: 'DFW', tenant: 'open' },
        { service: 'cloudQueues', region: 'DFW', tenant: 'locked' },
      ]);
    } finally {
      await mimic.close();
    }
  });
});

describe('instances are isolated', () => {
  it('two instances in one process never see each other\'s tenants, clocks or ids', async () => {
    const [a, b] = await Promise.all([createMimic({ plugins: [queues()] }), createMimic({ plugins: [queues()] })]);
    try {
      const idA = a.app.catalog.get('cloudQueues')!.id;
      const idB = b.app.catalog.get('cloudQueues')!.id;
      await testClient(a).put(`/mimicking/${idA}/ORD/v1/1/queues/only-in-a`);
      await testClient(a).post('/mimic/v1.1/tick', { body: { amount: 10 } });
      expect((await testClient(b).get(`/mimicking/${idB}/ORD/v1/1/queues`)).json).toEqual({ queues: [] });
      expect(b.clock.now()).toBe(0);
      expect(a.clock.now()).toBe(10);
      expect(a.app.sessions).not.toBe(b.app.sessions);
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
