import { startCompute, type ComputeHarness } from './support';

describe('Glance v2 view of the image catalog', () => {
  let h: ComputeHarness;
  beforeAll(async () => (h = await startCompute()));
  afterAll(() => h.mimic.close());

  it('lists the same images as Nova, in Glance shape', async () => {
    const nova = (await h.client.get(`${h.novaUrl()}/images`)).json.images;
    const res = await h.client.get(`${h.glanceUrl()}/v2/images`);
    expect(res.status).toBe(200);
    expect(res.json.images.map((i: any) => i.id)).toEqual(nova.map((i: any) => i.id));
    expect(res.json.first).toBe('/v2/images');
    expect(res.json.images[0]).toMatchObject({ status: 'active', visibility: 'public', self: `/v2/images/${nova[0].id}`, min_ram: expect.any(Number) });
  });

  it('filters by exact name so a client can resolve a name to an id', async () => {
    const res = await h.client.get(`${h.glanceUrl()}/v2/images?name=${encodeURIComponent('CoreOS (Stable)')}`);
    expect(res.json.images).toHaveLength(1);
    expect(res.json.images[0].name).toBe('CoreOS (Stable)');
    expect((await h.client.get(`${h.glanceUrl()}/v2/images?name=CoreOS`)).json.images).toHaveLength(0);
  });

  it('pages with limit, marker and a next link', async () => {
    const first = await h.client.get(`${h.glanceUrl()}/v2/images?limit=2`);
    expect(first.json.images).toHaveLength(2);
    expect(first.json.next).toBe(`/v2/images?marker=${first.json.images[1].id}&limit=2`);
    const second = await h.client.get(`${h.glanceUrl()}/v2/images?limit=2&marker=${first.json.images[1].id}`);
    expect(second.json.images[0].id).not.toBe(first.json.images[1].id);
    expect((await h.client.get(`${h.glanceUrl()}/v2/images?marker=nope`)).status).toBe(400);
  });

  it('gets one image, 404 for an unknown id', async () => {
    const [image] = (await h.client.get(`${h.glanceUrl()}/v2/images`)).json.images;
    expect((await h.client.get(`${h.glanceUrl()}/v2/images/${image.id}`)).json.name).toBe(image.name);
    const missing = await h.client.get(`${h.glanceUrl()}/v2/images/nope`);
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe(404);
  });
});

describe('Glance version discovery', () => {
  it('answers the catalog URL with a versions document pointing at <url>/v2/', async () => {
    const h = await startCompute();
    try {
      const res = await h.client.get(h.glanceUrl());
      expect(res.status).toBe(200);
      expect(res.json.versions[0]).toMatchObject({ status: 'CURRENT', links: [{ rel: 'self', href: `${h.mimic.url.replace(/\/$/, '')}${h.glanceUrl()}/v2/` }] });
    } finally {
      await h.mimic.close();
    }
  });

  it('answers the same document with a trailing slash and at <url>/v2', async () => {
    const h = await startCompute();
    try {
      for (const path of ['/', '/v2']) {
        const res = await h.client.get(`${h.glanceUrl()}${path}`);
        expect(res.status).toBe(200);
        expect(res.json.versions[0].links[0].href).toBe(`${h.mimic.url}${h.glanceUrl().slice(1)}/v2/`);
      }
    } finally {
      await h.mimic.close();
    }
  });

  it('the catalog URL of cloudImages is the endpoint root, with no version segment (keystoneauth would take it as versioned)', async () => {
    const h = await startCompute();
    try {
      const entry = h.mimic.app.catalog.build('123456', h.mimic.url).find((e) => e.name === 'cloudImages');
      expect(entry!.endpoints.map((e) => e.region)).toEqual(['ORD', 'DFW', 'IAD']);
      expect(entry!.endpoints[0].publicURL).toMatch(/mimicking\/GlanceApi-[0-9a-f]{6}\/ORD\/image\/123456$/);
    } finally {
      await h.mimic.close();
    }
  });

  it('serves keystoneauth\'s shape too: versions at <root>/image, images at <root>/image/v2/<tenant>/images', async () => {
    const h = await startCompute();
    try {
      const root = h.glanceUrl().replace(/\/123456$/, '');
      const discovery = await h.client.get(root);
      expect(discovery.status).toBe(200);
      expect(discovery.json.versions[0].links[0].href).toBe(`${h.mimic.url}${root.slice(1)}/v2/`);
      const listed = await h.client.get(`${root}/v2/123456/images?name=${encodeURIComponent('CoreOS (Stable)')}`);
      expect(listed.status).toBe(200);
      expect(listed.json.images.map((i: { name: string }) => i.name)).toEqual(['CoreOS (Stable)']);
      const one = await h.client.get(`${root}/v2/123456/images/${listed.json.images[0].id}`);
      expect(one.json.id).toBe(listed.json.images[0].id);
    } finally {
      await h.mimic.close();
    }
  });
});
