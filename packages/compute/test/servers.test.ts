import { createServer, serverBody, startCompute, type ComputeHarness } from './support';

describe('servers: create, get, delete, addresses (compute.md §2, §3, §5)', () => {
  let h: ComputeHarness;
  beforeEach(async () => (h = await startCompute()));
  afterEach(() => h.mimic.close());

  it('creates a server: 202 with id, links, diskConfig and a fresh adminPass', async () => {
    const res = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody() });
    expect(res.status).toBe(202);
    const { server } = res.json;
    expect(Object.keys(server).sort()).toEqual(['OS-DCF:diskConfig', 'adminPass', 'id', 'links']);
    expect(server.id).toMatch(/^test-server(\d+)-id-\1$/);
    expect(server['OS-DCF:diskConfig']).toBe('AUTO');
    expect(server.adminPass).toHaveLength(12);
    expect(server.links).toEqual([
      { href: `${h.pfx()}/v2/123456/servers/${server.id}`, rel: 'self' },
      { href: `${h.pfx()}/123456/servers/${server.id}`, rel: 'bookmark' },
    ]);
    const second = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody() });
    expect(second.json.server.adminPass).not.toBe(server.adminPass);
  });

  it('GET answers the full detail of §2, with the image bookmark carrying the imageRef', async () => {
    const id = await createServer(h, { name: 'db', imageRef: 'img-9', flavorRef: 'performance1-1', metadata: { role: 'db' }, key_name: 'kp' });
    await h.tick(2);
    const res = await h.client.get(`${h.novaUrl()}/servers/${id}`);
    expect(res.status).toBe(200);
    const s = res.json.server;
    expect(s).toMatchObject({
      id,
      name: 'db',
      status: 'ACTIVE',
      tenant_id: '123456',
      user_id: '170454',
      hostId: '33ccb6c82f3625748b6f2338f54d8e9df07cc583251e001355569056',
      progress: 100,
      accessIPv4: '198.101.241.238',
      accessIPv6: '2001:4800:780e:0510:d87b:9cbc:ff04:513a',
      'OS-DCF:diskConfig': 'AUTO',
      'OS-EXT-STS:power_state': 1,
      'OS-EXT-STS:task_state': null,
      'OS-EXT-STS:vm_state': 'ACTIVE',
      created: '1970-01-01T00:00:00.000000Z',
      updated: '1970-01-01T00:00:00.000000Z',
      flavor: { id: 'performance1-1', links: [{ href: `${h.pfx()}/123456/flavors/performance1-1`, rel: 'bookmark' }] },
      image: { id: 'img-9', links: [{ href: `${h.pfx()}/123456/images/img-9`, rel: 'bookmark' }] },
      key_name: 'kp',
      metadata: { role: 'db' },
    });
    expect(s.addresses.private[0].addr).toMatch(/^10\.180\.\d{1,3}\.\d{1,3}$/);
    expect(s.addresses.public).toEqual([
      { addr: expect.stringMatching(/^198\.101\.241\.\d{1,3}$/), version: 4 },
      { addr: '2001:4800:780e:0510:d87b:9cbc:ff04:513a', version: 6 },
    ]);
  });

  it('keeps key_name null and turns a null imageRef into ""', async () => {
    const id = await createServer(h, { imageRef: null });
    const { server } = (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json;
    expect(server.key_name).toBeNull();
    expect(server.image.id).toBe('');
  });

  it('answers 404 for an unknown server on GET, ips and DELETE', async () => {
    expect((await h.client.get(`${h.novaUrl()}/servers/nope`)).json).toEqual({ itemNotFound: { message: 'Instance could not be found', code: 404 } });
    expect((await h.client.get(`${h.novaUrl()}/servers/nope/ips`)).json).toEqual({ itemNotFound: { message: 'Instance does not exist', code: 404 } });
    expect((await h.client.delete(`${h.novaUrl()}/servers/nope`)).json).toEqual({ itemNotFound: { message: 'Instance could not be found', code: 404 } });
  });

  it('serves addresses, and one network of them', async () => {
    const id = await createServer(h);
    const ips = await h.client.get(`${h.novaUrl()}/servers/${id}/ips`);
    expect(ips.status).toBe(200);
    expect(Object.keys(ips.json.addresses)).toEqual(['private', 'public']);
    const priv = await h.client.get(`${h.novaUrl()}/servers/${id}/ips/private`);
    expect(priv.json).toEqual({ private: ips.json.addresses.private });
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}/ips/other`)).status).toBe(404);
  });

  it('deletes with 204 and an empty body; afterwards GET, ips, metadata and actions answer 404', async () => {
    const id = await createServer(h);
    const res = await h.client.delete(`${h.novaUrl()}/servers/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).status).toBe(404);
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}/ips`)).status).toBe(404);
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}/metadata`)).status).toBe(404);
    expect((await h.client.post(`${h.novaUrl()}/servers/${id}/action`, { body: { reboot: { type: 'SOFT' } } })).status).toBe(404);
    expect((await h.client.delete(`${h.novaUrl()}/servers/${id}`)).status).toBe(404);
  });

  it('gives every server of a tenant+region a unique private address', async () => {
    const ids = await Promise.all(Array.from({ length: 60 }, () => createServer(h)));
    const addresses = await Promise.all(ids.map(async (id) => (await h.client.get(`${h.novaUrl()}/servers/${id}/ips`)).json.addresses.private[0].addr));
    expect(new Set(addresses).size).toBe(60);
    expect(new Set(ids).size).toBe(60);
  });

  it('keeps tenants and regions apart', async () => {
    const id = await createServer(h, {}, 'tenant-a', 'ORD');
    expect((await h.client.get(`${h.novaUrl('tenant-b', 'ORD')}/servers/${id}`)).status).toBe(404);
    expect((await h.client.get(`${h.novaUrl('tenant-a', 'DFW')}/servers/${id}`)).status).toBe(404);
    expect((await h.client.get(`${h.novaUrl('tenant-a', 'ORD')}/servers/${id}`)).status).toBe(200);
    expect((await h.client.get(`${h.novaUrl('tenant-b', 'ORD')}/servers`)).json).toEqual({ servers: [] });
  });

  it('answers the seed README example: server_building 120 (a number) builds for 120 s', async () => {
    const id = await createServer(h, { metadata: { server_building: 120 } });
    const status = async () => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server.status;
    expect(await status()).toBe('BUILD');
    await h.tick(119);
    expect(await status()).toBe('BUILD');
    await h.tick(1);
    expect(await status()).toBe('ACTIVE');
    const { server } = (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json;
    expect(server.updated).toBe('1970-01-01T00:02:00.000000Z');
  });
});

describe('rename (beyond the original: pkgcloud renameServer, novaclient update)', () => {
  let h: ComputeHarness;
  beforeAll(async () => (h = await startCompute()));
  afterAll(() => h.mimic.close());

  it('PUT /servers/<id> renames and answers the detail', async () => {
    const id = await createServer(h, { name: 'old' });
    await h.tick(1);
    const res = await h.client.put(`${h.novaUrl()}/servers/${id}`, { body: { server: { name: 'new' } } });
    expect(res.status).toBe(200);
    expect(res.json.server).toMatchObject({ id, name: 'new', updated: '1970-01-01T00:00:01.000000Z' });
    expect((await h.client.get(`${h.novaUrl()}/servers?name=new`)).json.servers).toHaveLength(1);
  });

  it('refuses a bad body and answers 404 for an unknown server', async () => {
    const id = await createServer(h);
    expect((await h.client.put(`${h.novaUrl()}/servers/${id}`, { body: { server: { name: 3 } } })).status).toBe(400);
    expect((await h.client.put(`${h.novaUrl()}/servers/${id}`, { raw: '{' })).status).toBe(400);
    expect((await h.client.put(`${h.novaUrl()}/servers/nope`, { body: { server: { name: 'x' } } })).status).toBe(404);
  });
});
