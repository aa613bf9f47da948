import { createMimic, definePlugin, respondJson, testClient, type Mimic } from '@mimic/core';

describe('smoke', () => {
  let mimic: Mimic;
  afterEach(() => mimic?.close());
  it('serves a plugin route', async () => {
    const plugin = definePlugin({
      name: 'smoke',
      core: '^0.1.0',
      services: [{ name: 'svc', type: 't', implName: 'SmokeApi', regions: ['ORD'], prefix: 'v1' }],
      setup(ctx) {
        ctx.service('svc').get('/v1/:tenantId/x', (k) => respondJson(k, 200, { t: k.params.tenantId }));
      },
    });
    mimic = await createMimic({ plugins: [plugin] });
    const id = mimic.app.catalog.get('svc')!.id;
    const res = await testClient(mimic).get(`/mimicking/${id}/ORD/v1/42/x`);
    expect(res.json).toEqual({ t: '42' });
  });
});
