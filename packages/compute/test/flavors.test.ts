import { startCompute, type ComputeHarness } from './support';

describe('flavors (compute.md §10)', () => {
  let h: ComputeHarness;
  beforeAll(async () => (h = await startCompute()));
  afterAll(() => h.mimic.close());

  const list = async (region = 'ORD', detail = false, query = '') =>
    (await h.client.get(`${h.novaUrl('123456', region)}/flavors${detail ? '/detail' : ''}${query}`)).json.flavors;

  it('lists 35 flavors, 38 in IAD (OnMetal)', async () => {
    expect(await list('ORD')).toHaveLength(35);
    const iad = await list('IAD');
    expect(iad).toHaveLength(38);
    expect(iad.map((f: any) => f.id)).toContain('onmetal-io1');
    expect(Object.keys(iad[0]).sort()).toEqual(['id', 'links', 'name']);
  });

  it('detail has the table values, links and extra specs', async () => {
    const flavors = await list('ORD', true);
    expect(flavors[0]).toEqual({
      id: '2',
      name: '512MB Standard Instance',
      links: [
        { href: `${h.pfx()}/v2/123456/flavors/2`, rel: 'self' },
        { href: `${h.pfx()}/123456/flavors/2`, rel: 'bookmark' },
      ],
      ram: 512,
      vcpus: 1,
      rxtx_factor: 80,
      disk: 20,
      swap: '',
      'OS-FLV-EXT-DATA:ephemeral': 0,
      'OS-FLV-WITH-EXT-SPECS:extra_specs': { class: 'standard1', policy_class: 'standard_flavor' },
    });
    expect(flavors.find((f: any) => f.id === 'compute1-4')).toMatchObject({ name: '3.75 GB Compute v1', ram: 3840, rxtx_factor: 312.5, disk: 0 });
  });

  it('GET by id works in every region, OnMetal included', async () => {
    const res = await h.client.get(`${h.novaUrl('123456', 'DFW')}/flavors/onmetal-memory1`);
    expect(res.json.flavor).toMatchObject({
      id: 'onmetal-memory1',
      ram: 524288,
      vcpus: 24,
      'OS-FLV-WITH-EXT-SPECS:extra_specs': { quota_resources: 'instances=onmetal-compute-v1-instances,ram=onmetal-compute-v1-ram' },
    });
  });

  it.each(['INVALID-FLAVOR-ID', '8888', '-4', '1'])('GET %s → 400 Invalid flavorRef provided.', async (id) => {
    const res = await h.client.get(`${h.novaUrl()}/flavors/${id}`);
    expect(res.json).toEqual({ badRequest: { message: 'Invalid flavorRef provided.', code: 400 } });
  });

  it('an unknown id answers a plausible flavor; extra specs are served', async () => {
    expect((await h.client.get(`${h.novaUrl()}/flavors/custom-9`)).json.flavor).toMatchObject({ id: 'custom-9', ram: expect.any(Number) });
    expect((await h.client.get(`${h.novaUrl()}/flavors/io1-15/os-extra_specs`)).json).toEqual({ extra_specs: { class: 'io1', policy_class: 'io_flavor' } });
  });

  it('ignores unknown query parameters and pages with limit/marker', async () => {
    expect(await list('ORD', true, '?is_public=None&minDisk=0')).toHaveLength(35);
    expect((await list('ORD', false, '?limit=3&marker=2')).map((f: any) => f.id)).toEqual(['3', '4', '5']);
  });

  it('links a full page to the next one, and not the last partial page', async () => {
    const full = (await h.client.get(`${h.novaUrl()}/flavors?limit=3&marker=2`)).json;
    const href = new URL(full.flavors_links[0].href);
    expect(full.flavors_links[0].rel).toBe('next');
    expect(href.pathname).toBe(`${h.novaUrl()}/flavors`);
    expect(Object.fromEntries(href.searchParams)).toEqual({ limit: '3', marker: '5' });
    const all = await list('ORD', true);
    const last = (await h.client.get(`${h.novaUrl()}/flavors/detail?limit=40&marker=${all[all.length - 3].id}`)).json;
    expect(last.flavors).toHaveLength(2);
    expect(last.flavors_links).toBeUndefined();
  });
});
