import { passwordAuth, start, type Harness } from './helpers';

describe('users, tenants, credentials and endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset());

  const authenticate = async (username: string, tenantId?: string) =>
    (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth(username, tenantId ? { tenantId } : {}) })).json.access;

  describe('GET /identity/v2.0/users?name=', () => {
    it('answers the user of an existing session with wall-clock timestamps', async () => {
      const access = await authenticate('uma', '3141');
      const before = Date.now();
      const res = await h.client.get('/identity/v2.0/users?name=uma');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        user: {
          'RAX-AUTH:domainId': '3141',
          id: access.user.id,
          enabled: true,
          username: 'uma',
          email: 'thisisrandom@email.com',
          'RAX-AUTH:defaultRegion': 'ORD',
          created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
          updated: expect.any(String),
        },
      });
      expect(res.json.user.updated).toBe(res.json.user.created);
      expect(Math.abs(Date.parse(res.json.user.created) - before)).toBeLessThan(60_000);
    });

    it('creates a session for a new name, the same one later auth finds', async () => {
      const user = (await h.client.get('/identity/v2.0/users?name=newbie')).json.user;
      const access = await authenticate('newbie');
      expect(access.token.tenant.id).toBe(user['RAX-AUTH:domainId']);
      expect(access.user.id).toBe(user.id);
    });

    it('without name answers 400 badRequest', async () => {
      const res = await h.client.get('/identity/v2.0/users');
      expect(res.status).toBe(400);
      expect(res.json.badRequest.code).toBe(400);
      expect(res.json.badRequest.message).toMatch(/name/);
    });
  });

  describe('GET /identity/v1.1/mosso/<tenant>', () => {
    it('answers 301 with the tenant username and no Location header', async () => {
      await authenticate('mosso-user', '5555');
      const res = await fetch(`${h.client.base}/identity/v1.1/mosso/5555`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.json()).toEqual({ user: { id: 'mosso-user' } });
    });

    it('creates a session for an unknown tenant', async () => {
      const res = await fetch(`${h.client.base}/identity/v1.1/mosso/6666`, { redirect: 'manual' });
      const body = (await res.json()) as { user: { id: string } };
      expect(body.user.id).toMatch(/^username_/);
      const user = (await h.client.get(`/identity/v2.0/users?name=${body.user.id}`)).json.user;
      expect(user['RAX-AUTH:domainId']).toBe('6666');
    });
  });

  describe('GET /identity/v2.0/tenants', () => {
    it('answers exactly the tenant of a known token', async () => {
      const access = await authenticate('tess', '7777');
      const res = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': access.token.id } });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ tenants: [{ id: '7777', name: '7777', enabled: true }] });
    });

    const NO_TOKEN = { unauthorized: { code: 401, message: "No valid token provided. Please use the 'X-Auth-Token' header with a valid token." } };
    it('an unknown token answers 401 and creates nothing', async () => {
      const res = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': 'unknown' } });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(NO_TOKEN);
      expect((await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': 'unknown' } })).status).toBe(401);
    });

    it('a missing header answers the same 401', async () => {
      const res = await h.client.get('/identity/v2.0/tenants');
      expect(res.status).toBe(401);
      expect(res.json).toEqual(NO_TOKEN);
    });
  });

  describe('OS-KSADM credentials', () => {
    it('lists the apiKey credential of a known user', async () => {
      const access = await authenticate('cred-user');
      const res = await h.client.get(`/identity/v2.0/users/${access.user.id}/OS-KSADM/credentials`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        credentials: [{ 'RAX-KSKEY:apiKeyCredentials': { username: 'cred-user', apiKey: expect.stringMatching(/^[0-9a-f]{32}$/) } }],
        credentials_links: [],
      });
    });

    it('answers the apiKey credential alone, with the same key as the list', async () => {
      const access = await authenticate('cred-user2');
      const list = await h.client.get(`/identity/v2.0/users/${access.user.id}/OS-KSADM/credentials`);
      const one = await h.client.get(`/identity/v2.0/users/${access.user.id}/OS-KSADM/credentials/RAX-KSKEY:apiKeyCredentials`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual({ 'RAX-KSKEY:apiKeyCredentials': list.json.credentials[0]['RAX-KSKEY:apiKeyCredentials'] });
      const encoded = await h.client.get(`/identity/v2.0/users/${access.user.id}/OS-KSADM/credentials/RAX-KSKEY%3AapiKeyCredentials`);
      expect(encoded.json).toEqual(one.json);
    });

    it.each(['/OS-KSADM/credentials', '/OS-KSADM/credentials/RAX-KSKEY:apiKeyCredentials'])('an unknown user id answers 404 (%s)', async (suffix) => {
      const res = await h.client.get(`/identity/v2.0/users/424242${suffix}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ itemNotFound: { code: 404, message: 'User 424242 not found' } });
    });

    it('another credential type answers 404', async () => {
      const access = await authenticate('cred-user3');
      const res = await h.client.get(`/identity/v2.0/users/${access.user.id}/OS-KSADM/credentials/passwordCredentials`);
      expect(res.status).toBe(404);
      expect(res.json.itemNotFound.code).toBe(404);
    });
  });

  describe('GET /identity/v2.0/tokens/<token>/endpoints', () => {
    it('flattens the catalog of the token session, each endpoint with a fresh uuid', async () => {
      const access = await authenticate('ep-user', '8888');
      const res = await h.client.get(`/identity/v2.0/tokens/${access.token.id}/endpoints`);
      expect(res.status).toBe(200);
      const id = h.mimic.app.catalog.get('cloudWidgets')!.id;
      const url = (region: string) => `http://127.0.0.1:${h.mimic.port}/mimicking/${id}/${region}/v1/8888`;
      const uuid = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.json).toEqual({
        endpoints: ['ORD', 'DFW'].map((region) => ({
          region, tenantId: '8888', publicURL: url(region), internalURL: url(region), name: 'cloudWidgets', type: 'rax:widgets', id: uuid,
        })),
      });
      const again = await h.client.get(`/identity/v2.0/tokens/${access.token.id}/endpoints`);
      expect(again.json.endpoints[0].id).not.toBe(res.json.endpoints[0].id);
    });

    it('an unknown token gets a session and its endpoints (no auth check)', async () => {
      const res = await h.client.get('/identity/v2.0/tokens/unheard-of/endpoints');
      expect(res.status).toBe(200);
      expect(res.json.endpoints).toHaveLength(2);
      const tenants = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': 'unheard-of' } });
      expect(tenants.json.tenants[0].id).toBe(res.json.endpoints[0].tenantId);
    });
  });

  it('the presets document carries the identity section', async () => {
    const res = await h.client.get('/mimic/v1.0/presets');
    expect(res.json.identity).toEqual({
      maas_admin_roles: [
        'this_is_an_impersonator_token', 'this_is_an_impersonator_token_also', 'impersonate_watson',
        'impersonate_creator', 'this_is_an_impersonator_token_also_2', 'impersonate_foo_token',
      ],
      racker_token: ['this_is_a_racker_token'], observer_role: ['09876'], creator_role: ['09090'],
      admin_role: ['9999'], token_fail_to_auth: ['never-cache-this-and-fail-to-auth'],
      non_dedicated_observer: ['OneTwo'], non_dedicated_admin: ['ThreeFour'],
      non_dedicated_impersonator: ['ThreeFourImpersonator'], non_dedicated_racker: ['ThreeFourRacker'],
      dedicated_full_device_permission_holder: ['HybridOneTwo'], dedicated_account_permission_holder: ['HybridThreeFour'],
      dedicated_impersonator: ['HybridThreeFourImpersonator'], dedicated_racker: ['HybridOneTwoRacker'],
      dedicated_limited_device_permission_holder: ['HybridFiveSix'], dedicated_non_permission_holder: ['HybridSevenEight'],
      dedicated_quasi_user_impersonator: ['HybridNineZero'],
    });
  });
});
