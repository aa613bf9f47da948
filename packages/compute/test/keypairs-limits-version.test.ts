import { startCompute, type ComputeHarness } from './support';

describe('keypairs, limits and the version document (compute.md §11)', () => {
  let h: ComputeHarness;
  beforeEach(async () => (h = await startCompute()));
  afterEach(() => h.mimic.close());

  const keypairs = () => `${h.novaUrl()}/os-keypairs`;

  it('creates, lists in order, gets and deletes keypairs', async () => {
    const created = await h.client.post(keypairs(), { body: { keypair: { name: 'kp1', public_key: 'ssh-rsa AAA' } } });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ keypair: { name: 'kp1', public_key: 'ssh-rsa AAA', fingerprint: 'aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa', user_id: 'fake' } });
    await h.client.post(keypairs(), { body: { keypair: { name: 'kp2', public_key: 'ssh-rsa BBB' } } });
    expect((await h.client.get(keypairs())).json.keypairs.map((k: any) => k.keypair.name)).toEqual(['kp1', 'kp2']);
    expect((await h.client.get(`${keypairs()}/kp2`)).json.keypair.public_key).toBe('ssh-rsa BBB');
    const del = await h.client.delete(`${keypairs()}/kp1`);
    expect(del.status).toBe(202);
    expect(del.text).toBe('');
    expect((await h.client.get(keypairs())).json.keypairs).toHaveLength(1);
  });

  it('generates a key pair when no public key is given', async () => {
    const res = await h.client.post(keypairs(), { body: { keypair: { name: 'gen' } } });
    expect(res.json.keypair.public_key).toMatch(/^ssh-rsa /);
    expect(res.json.keypair.private_key).toMatch(/BEGIN RSA PRIVATE KEY/);
  });

  it('refuses duplicates (409), bad bodies (400) and unknown names (404 JSON)', async () => {
    await h.client.post(keypairs(), { body: { keypair: { name: 'kp', public_key: 'k' } } });
    expect((await h.client.post(keypairs(), { body: { keypair: { name: 'kp', public_key: 'k' } } })).json).toEqual({
      conflictingRequest: { message: "Key pair 'kp' already exists.", code: 409 },
    });
    expect((await h.client.post(keypairs(), { raw: 'nope' })).json).toEqual({ badRequest: { message: 'Malformed request body', code: 400 } });
    expect((await h.client.post(keypairs(), { body: { keypair: { name: 5 } } })).status).toBe(400);
    expect((await h.client.post(keypairs(), { body: {} })).status).toBe(400);
    expect((await h.client.delete(`${keypairs()}/ghost`)).json).toEqual({ itemNotFound: { message: 'Keypair ghost not found', code: 404 } });
    expect((await h.client.get(`${keypairs()}/ghost`)).status).toBe(404);
  });

  it('keeps keypairs per tenant+region', async () => {
    await h.client.post(keypairs(), { body: { keypair: { name: 'kp', public_key: 'k' } } });
    expect((await h.client.get(`${h.novaUrl('123456', 'DFW')}/os-keypairs`)).json.keypairs).toEqual([]);
  });

  it('limits are fixed', async () => {
    const res = await h.client.get(`${h.novaUrl()}/limits`);
    expect(res.json.limits.absolute).toMatchObject({ maxServerMeta: 40, maxTotalInstances: 200, maxTotalRAMSize: 256000, totalCoresUsed: 5 });
    expect(res.json.limits.rate).toBeUndefined();
  });

  it('serves the version document at <pfx>/v2', async () => {
    const path = new URL(h.pfx()).pathname;
    const res = await h.client.get(`${path}/v2`);
    expect(res.json).toEqual({
      version: {
        status: 'SUPPORTED',
        updated: '2011-01-21T11:33:21Z',
        links: [
          { href: `${h.pfx()}/v2`, rel: 'self' },
          { href: 'http://docs.openstack.org/', type: 'text/html', rel: 'describedby' },
        ],
        min_version: '',
        version: '',
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2' }],
      },
    });
    expect((await h.client.get(`${path}/v2/`)).status).toBe(200);
  });

  it('presets list the servers section of core.md §6', async () => {
    const res = await h.client.get('/mimic/v1.0/presets');
    expect(res.json.servers).toEqual({
      create_server_failure: '{"message": "given message","code": given code}',
      delete_server_failure: '{"code": given code,"times": returns given code that many times}',
      invalid_image_ref: ['INVALID-IMAGE-ID', '1111', 'image_ends_with_Z'],
      invalid_flavor_ref: ['INVALID-FLAVOR-ID', '8888', '-4', '1'],
      server_error: 'sets server state to error on create',
      server_building: 'sets the server to be in building state for given time in seconds',
    });
  });
});

describe('version discovery beyond the original', () => {
  it('answers <pfx>/ with the versions list and the catalog URL with the version document', async () => {
    const h = await startCompute();
    try {
      const path = new URL(h.pfx()).pathname;
      const root = await h.client.get(`${path}/`);
      expect(root.json.versions).toEqual([expect.objectContaining({ id: 'v2.0', status: 'SUPPORTED' })]);
      const atCatalogUrl = await h.client.get(h.novaUrl());
      expect(atCatalogUrl.json.version.links[0].href).toBe(`${h.pfx()}/v2`);
    } finally {
      await h.mimic.close();
    }
  });
});
