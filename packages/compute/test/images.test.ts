import { createServer, startCompute, type ComputeHarness } from './support';

describe('images (compute.md §9 with the issue overrides)', () => {
  let h: ComputeHarness;
  beforeAll(async () => (h = await startCompute()));
  afterAll(() => h.mimic.close());

  const list = async (region = 'ORD', tenant = '123456', detail = false) =>
    (await h.client.get(`${h.novaUrl(tenant, region)}/images${detail ? '/detail' : ''}`)).json.images;

  it('lists 38 images outside IAD and 52 in IAD, in a stable order', async () => {
    const ord = await list('ORD');
    expect(ord).toHaveLength(38);
    expect(await list('DFW')).toHaveLength(38);
    const iad = await list('IAD');
    expect(iad).toHaveLength(52);
    expect(iad.filter((i: any) => i.name.startsWith('OnMetal - '))).toHaveLength(14);
    expect(ord[0].name).toBe('Windows Server 2008 R2 SP1 + SQL Server 2008 R2 SP2 Standard');
    expect(ord[ord.length - 1].name).toBe('Arch 2015.7 (PVHVM)');
    expect((await list('ORD')).map((i: any) => i.id)).toEqual(ord.map((i: any) => i.id));
    expect(Object.keys(ord[0]).sort()).toEqual(['id', 'links', 'name']);
  });

  it('keeps canned ids across tenants, except Arch which is per tenant', async () => {
    const a = await list('ORD', 'tenant-a');
    const b = await list('ORD', 'tenant-b');
    expect(a.slice(0, 37).map((i: any) => i.id)).toEqual(b.slice(0, 37).map((i: any) => i.id));
    expect(a[37].id).not.toBe(b[37].id);
  });

  it('links: self, bookmark and an alternate without a double slash', async () => {
    const [image] = await list();
    expect(image.links).toEqual([
      { href: `${h.pfx()}/v2/123456/images/${image.id}`, rel: 'self' },
      { href: `${h.pfx()}/123456/images/${image.id}`, rel: 'bookmark' },
      { href: `${h.pfx()}/images/${image.id}`, type: 'application/vnd.openstack.image', rel: 'alternate' },
    ]);
  });

  it('detail carries the fields of §9', async () => {
    const images = await list('ORD', '123456', true);
    const centos = images.find((i: any) => i.name === 'CentOS 6 (PV)');
    expect(centos).toMatchObject({
      minRam: 512,
      minDisk: 20,
      'com.rackspace__1__ui_default_show': false,
      created: '1972-01-01_15-59-11',
      updated: '1972-01-01_15-59-11',
      progress: 100,
      status: 'ACTIVE',
      metadata: {
        flavor_classes: '*,!io1,!memory1,!compute1,!onmetal',
        image_type: 'base',
        os_type: 'linux',
        'org.openstack__1__os_distro': 'org.centos',
        vm_mode: 'xen',
        auto_disk_config: 'True',
      },
    });
    const size = centos['OS-EXT-IMG-SIZE:size'];
    expect(size).toBeGreaterThanOrEqual(250000);
    expect(size).toBeLessThanOrEqual(8e10);
    const windows = images.find((i: any) => i.name === 'Windows Server 2012');
    expect(windows).toMatchObject({ minRam: 1024, minDisk: 40, 'com.rackspace__1__ui_default_show': true });
    expect(windows.metadata).toMatchObject({ os_type: 'windows', vm_mode: '', 'org.openstack__1__os_distro': 'com.microsoft.server' });
  });

  it('GET by id: canned detail; OnMetal in every region; unknown ids plausible', async () => {
    const [first] = await list();
    const res = await h.client.get(`${h.novaUrl()}/images/${first.id}`);
    expect(res.json.image).toMatchObject({ id: first.id, name: first.name, status: 'ACTIVE' });
    const onMetal = (await list('IAD')).find((i: any) => i.name.startsWith('OnMetal'));
    expect((await h.client.get(`${h.novaUrl('123456', 'ORD')}/images/${onMetal.id}`)).json.image.name).toBe(onMetal.name);
    const unknown = await h.client.get(`${h.novaUrl()}/images/my-custom-image`);
    expect(unknown.status).toBe(200);
    expect(unknown.json.image).toMatchObject({ id: 'my-custom-image', status: 'ACTIVE' });
  });

  it.each(['INVALID-IMAGE-ID', '1111', 'image_ends_with_Z', 'fooZ'])('GET %s → 400 Invalid imageRef provided.', async (id) => {
    const res = await h.client.get(`${h.novaUrl()}/images/${id}`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ badRequest: { message: 'Invalid imageRef provided.', code: 400 } });
  });

  it('createImage adds a snapshot to every region of the tenant, without an earlier listing', async () => {
    const tenant = 'snapper';
    const [source] = await list('ORD', 'other');
    const id = await createServer(h, { imageRef: source.id }, tenant);
    const res = await h.client.post(`${h.novaUrl(tenant)}/servers/${id}/action`, { body: { createImage: { name: 'my-snap' } } });
    const imageId = res.headers.get('location')!.split('/').pop();
    for (const region of ['ORD', 'IAD']) {
      const names = (await list(region, tenant)).map((i: any) => i.name);
      expect(names[names.length - 1]).toBe('my-snap');
    }
    const snap = (await h.client.get(`${h.novaUrl(tenant)}/images/${imageId}`)).json.image;
    expect(snap).toMatchObject({
      id: imageId,
      name: 'my-snap',
      status: 'ACTIVE',
      minRam: source.minRam ?? expect.any(Number),
      'com.rackspace__1__ui_default_show': false,
      server: { id },
      metadata: { image_type: 'snapshot' },
    });
    expect(snap.created).toBeUndefined();
    expect((await list('ORD', 'someone-else')).map((i: any) => i.name)).not.toContain('my-snap');
  });

  it('pages with limit and marker', async () => {
    const all = await list();
    const page = (await h.client.get(`${h.novaUrl()}/images?limit=2&marker=${all[0].id}`)).json.images;
    expect(page.map((i: any) => i.id)).toEqual([all[1].id, all[2].id]);
    expect((await h.client.get(`${h.novaUrl()}/images?marker=nope`)).status).toBe(400);
    expect((await h.client.get(`${h.novaUrl()}/images?limit=x`)).status).toBe(400);
  });

  it('a full page links to the next one; following the links lists every image once', async () => {
    const all = (await list()).map((i: any) => i.id);
    const seen: string[] = [];
    let next: string | undefined = `${h.novaUrl()}/images/detail?limit=5`;
    while (next !== undefined) {
      const { json } = await h.client.get(next);
      seen.push(...json.images.map((i: any) => i.id));
      const link = json.images_links?.[0];
      if (link) expect(link.rel).toBe('next');
      next = link && new URL(link.href).pathname + new URL(link.href).search;
      expect(next === undefined || next.includes('/images/detail?limit=5&marker=')).toBe(true);
    }
    expect(seen).toEqual(all);
    expect((await h.client.get(`${h.novaUrl()}/images`)).json.images_links).toBeUndefined();
  });
});
