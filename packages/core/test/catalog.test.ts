import { request } from 'node:http';
import { Catalog, createMimic, definePlugin, respondJson, testClient, type Mimic } from '@mimic/core';
import { queues } from './fixtures/queues-plugin';

describe('Catalog (core.md §5)', () => {
  const compute = { name: 'cloudServersOpenStack', type: 'compute', implName: 'NovaApi', regions: ['ORD', 'DFW', 'IAD'], prefix: 'v2' };
  const control = { name: 'cloudServersBehavior', type: 'compute', implName: 'NovaControlApi', regions: ['ORD', 'DFW', 'IAD'], prefix: 'v2' };

  it('gives each service an id <ImplName>-<6 lowercase hex>, fixed per instance', () => {
    const catalog = new Catalog();
    const service = catalog.register('p', compute);
    expect(service.id).toMatch(/^NovaApi-[0-9a-f]{6}$/);
    expect(catalog.get('cloudServersOpenStack')).toBe(service);
    expect(catalog.getById(service.id)).toBe(service);
    expect(catalog.build('1', 'http://h/')[0].endpoints[0].publicURL).toContain(service.id);
    expect(catalog.build('1', 'http://h/')[0].endpoints[0].publicURL).toBe(catalog.build('2', 'http://h/')[0].endpoints[0].publicURL.replace(/2$/, '1'));
  });

  it('builds URLs <base>mimicking/<id>/<REGION>/<prefix>/<tenant> in declared order and region order', () => {
    const catalog = new Catalog();
    const nova = catalog.register('p', compute);
    const ctl = catalog.register('p', control);
    const entries = catalog.build('123456', 'http://localhost:8900/');
    expect(entries.map((e) => e.name)).toEqual(['cloudServersOpenStack', 'cloudServersBehavior']);
    expect(entries[0]).toEqual({
      name: 'cloudServersOpenStack',
      type: 'compute',
      endpoints: ['ORD', 'DFW', 'IAD'].map((region) => ({
        region,
        tenantId: '123456',
        publicURL: `http://localhost:8900/mimicking/${nova.id}/${region}/v2/123456`,
        internalURL: `http://localhost:8900/mimicking/${nova.id}/${region}/v2/123456`,
      })),
    });
    expect(entries[1].endpoints[0].publicURL).toBe(`http://localhost:8900/mimicking/${ctl.id}/ORD/v2/123456`);
  });

  it('lists external sources first, even with no endpoints', () => {
    const catalog = new Catalog();
    catalog.register('p', compute);
    catalog.addExternalSource((tenant) => [{ name: 'ext', type: 'x', endpoints: tenant === '1' ? [] : [] }]);
    expect(catalog.build('1', 'http://h/').map((e) => e.name)).toEqual(['ext', 'cloudServersOpenStack']);
  });

  it('flattens endpoints with name, type and a fresh uuid each build', () => {
    const catalog = new Catalog();
    catalog.register('p', compute);
    const first = catalog.endpoints('9', 'http://h/');
    const second = catalog.endpoints('9', 'http://h/');
    expect(first).toHaveLength(3);
    expect(first[0]).toMatchObject({ name: 'cloudServersOpenStack', type: 'compute', region: 'ORD', tenantId: '9' });
    expect(first[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first[0].id).not.toBe(second[0].id);
  });
});

/** fetch cannot set Host, so these requests go through node:http. */
function getWithHost(port: number, path: string, host: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('base URL from the Host header', () => {
  let mimic: Mimic;
  beforeAll(async () => {
    mimic = await createMimic({
      plugins: [
        queues(),
        definePlugin({
          name: 'echo-base',
          core: '^0.1.0',
          setup(ctx) {
            ctx.router.get('/base', (k) => respondJson(k, 200, { base: ctx.urls.base(k), root: ctx.urls.serviceRoot(k, 'cloudQueues', 'DFW') }));
          },
        }),
      ],
    });
  });
  afterAll(() => mimic.close());

  it('uses the hostname of the Host header and the port Mimic listens on', async () => {
    const json = await getWithHost(mimic.port, '/base', 'example.test:1234');
    const id = mimic.app.catalog.get('cloudQueues')!.id;
    expect(json).toEqual({ base: `http://example.test:${mimic.port}/`, root: `http://example.test:${mimic.port}/mimicking/${id}/DFW` });
  });

  it('keeps the brackets of an IPv6 Host', async () => {
    const json = await getWithHost(mimic.port, '/base', '[::1]:9');
    expect(json.base).toBe(`http://[::1]:${mimic.port}/`);
  });

  it('answers each Host with its own base, repeated and past the remembered hosts', async () => {
    for (let i = 0; i < 70; i++) {
      const host = `h${i % 67}.test`;
      expect((await getWithHost(mimic.port, '/base', `${host}:1`)).base).toBe(`http://${host}:${mimic.port}/`);
    }
    expect((await getWithHost(mimic.port, '/base', 'evil.test/<script>')).base).toBe(`http://127.0.0.1:${mimic.port}/`);
    expect((await getWithHost(mimic.port, '/base', 'h1.test')).base).toBe(`http://h1.test:${mimic.port}/`);
  });

  it('falls back to the listen host for a hostile Host header', async () => {
    const json = await getWithHost(mimic.port, '/base', 'evil.test/<script>');
    expect(json.base).toBe(`http://127.0.0.1:${mimic.port}/`);
  });
});
