import { apiKeyAuth, INVALID_JSON, passwordAuth, start, tokenAuth, type Harness } from './helpers';

/** Local wall-clock seconds encoded in an `expires` value (its -05:00 suffix is a literal, not an offset). */
function expiresToLocalSeconds(expires: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.999-05:00$/.exec(expires);
  if (!m) throw new Error(`bad expires ${expires}`);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(y, mo - 1, d, h, mi, s).getTime() / 1000;
}

describe('POST /identity/v2.0/tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset());

  const auth = (body: unknown) => h.client.post('/identity/v2.0/tokens', { body });

  it('password auth answers the full access document', async () => {
    const res = await auth(passwordAuth('alice'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const { access } = res.json;
    const tenant = access.token.tenant.id;
    expect(tenant).toMatch(/^\d{1,15}$/);
    expect(access.token).toEqual({
      id: expect.stringMatching(/^token_[0-9a-f-]{36}$/),
      expires: expect.any(String),
      tenant: { id: tenant, name: tenant },
      'RAX-AUTH:authenticatedBy': ['PASSWORD'],
    });
    expect(access.user).toEqual({
      'RAX-AUTH:defaultRegion': 'DFW',
      id: expect.stringMatching(/^\d+$/),
      name: 'alice',
      roles: [{ id: '3', description: 'User Admin Role.', name: 'identity:user-admin' }],
    });
    expect(Array.isArray(access.serviceCatalog)).toBe(true);
  });

  it('expires is the local wall clock plus one day, never the 1970 virtual clock', async () => {
    const before = Date.now() / 1000;
    const { access } = (await auth(passwordAuth('clock-watcher'))).json;
    const after = Date.now() / 1000;
    const expires = expiresToLocalSeconds(access.token.expires);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before) + 86_400 - 1);
    expect(expires).toBeLessThanOrEqual(Math.ceil(after) + 86_400 + 1);
  });

  it('the catalog lists a test-only plugin with its regions and tenant URLs', async () => {
    const { access } = (await auth(passwordAuth('cataloguer'))).json;
    const tenant = access.token.tenant.id;
    const id = h.mimic.app.catalog.get('cloudWidgets')!.id;
    expect(id).toMatch(/^WidgetApi-[0-9a-f]{6}$/);
    const root = `http://127.0.0.1:${h.mimic.port}/mimicking/${id}`;
    expect(access.serviceCatalog).toEqual([
      {
        name: 'cloudWidgets',
        type: 'rax:widgets',
        endpoints: [
          { region: 'ORD', tenantId: tenant, publicURL: `${root}/ORD/v1/${tenant}`, internalURL: `${root}/ORD/v1/${tenant}` },
          { region: 'DFW', tenantId: tenant, publicURL: `${root}/DFW/v1/${tenant}`, internalURL: `${root}/DFW/v1/${tenant}` },
        ],
      },
    ]);
    // The catalog URL really serves the plugin.
    const served = await h.client.get(access.serviceCatalog[0].endpoints[0].publicURL + '/widgets');
    expect(served.status).toBe(200);
    expect(served.json.tenant).toBe(tenant);
  });

  it('apiKey auth answers the same document for the same user', async () => {
    const first = (await auth(passwordAuth('bob'))).json.access;
    const res = await auth(apiKeyAuth('bob'));
    expect(res.status).toBe(200);
    expect(res.json.access.token).toEqual(first.token);
    expect(res.json.access.user).toEqual(first.user);
  });

  it('the same username gets the same tenant and token on every authentication, and roles never pile up', async () => {
    const first = (await auth(passwordAuth('steady'))).json.access;
    for (let i = 0; i < 5; i++) {
      const again = (await auth(i % 2 ? apiKeyAuth('steady') : passwordAuth('steady', { tenantId: first.token.tenant.id }))).json.access;
      expect(again.token.id).toBe(first.token.id);
      expect(again.token.tenant).toEqual(first.token.tenant);
      expect(again.user.id).toBe(first.user.id);
      expect(again.user.roles).toHaveLength(1);
    }
  });

  it('a tenantId given on first auth becomes the tenant', async () => {
    const { access } = (await auth(passwordAuth('carol', { tenantId: '123456' }))).json;
    expect(access.token.tenant).toEqual({ id: '123456', name: '123456' });
  });

  it('tenantName wins over tenantId; a null tenantName falls back to tenantId', async () => {
    expect((await auth(passwordAuth('dave', { tenantName: 'name-1', tenantId: 'id-1' }))).json.access.token.tenant.id).toBe('name-1');
    expect((await auth(apiKeyAuth('erin', { tenantName: null, tenantId: 'id-2' }))).json.access.token.tenant.id).toBe('id-2');
  });

  it('an unknown username naming a known tenant gets that tenant session, with its own username', async () => {
    const owner = (await auth(passwordAuth('owner', { tenantId: '777' }))).json.access;
    const res = await auth(passwordAuth('stranger', { tenantId: '777' }));
    expect(res.status).toBe(200);
    expect(res.json.access.token.id).toBe(owner.token.id);
    expect(res.json.access.user.name).toBe('owner');
  });

  it('password and apiKey tenant mismatch answer 401 with the exact message', async () => {
    const { access } = (await auth(passwordAuth('frank', { tenantId: '1111' }))).json;
    const expected = {
      unauthorized: { code: 401, message: `Tenant with Name/Id: '2222' is not valid for User 'frank' (id: '${access.user.id}')` },
    };
    for (const body of [passwordAuth('frank', { tenantId: '2222' }), apiKeyAuth('frank', { tenantName: '2222' })]) {
      const res = await auth(body);
      expect(res.status).toBe(401);
      expect(res.json).toEqual(expected);
    }
  });

  describe('token credentials', () => {
    it('an unknown token and tenant create a session with that token and a generated username', async () => {
      const res = await auth(tokenAuth('my-token', { tenantId: '5150' }));
      expect(res.status).toBe(200);
      expect(res.json.access.token.id).toBe('my-token');
      expect(res.json.access.token.tenant.id).toBe('5150');
      expect(res.json.access.user.name).toMatch(/^username_[0-9a-f-]{36}$/);
      expect(res.json.access.serviceCatalog[0].name).toBe('cloudWidgets');
    });

    it('a known token authenticates to its session', async () => {
      const first = (await auth(passwordAuth('gina', { tenantId: '4242' }))).json.access;
      const res = await auth(tokenAuth(first.token.id, { tenantName: '4242' }));
      expect(res.status).toBe(200);
      expect(res.json.access.token).toEqual(first.token);
      expect(res.json.access.user.name).toBe('gina');
    });

    it('an unknown token on a known tenant answers with the tenant session token', async () => {
      const first = (await auth(passwordAuth('hank', { tenantId: '8080' }))).json.access;
      const res = await auth(tokenAuth('some-other-token', { tenantId: '8080' }));
      expect(res.status).toBe(200);
      expect(res.json.access.token.id).toBe(first.token.id);
    });

    it('a known token naming another tenant answers 401 with the exact message', async () => {
      const first = (await auth(passwordAuth('ivy', { tenantId: '9090' }))).json.access;
      const res = await auth(tokenAuth(first.token.id, { tenantId: '1234' }));
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ unauthorized: { code: 401, message: "Token doesn't belong to Tenant with Id/Name: '1234'" } });
    });

    it('token auth without a string tenant is not usable (400)', async () => {
      for (const body of [tokenAuth('t'), tokenAuth('t', { tenantId: null }), tokenAuth('t', { tenantId: 42 })]) {
        const res = await auth(body);
        expect(res.status).toBe(400);
        expect(res.json).toEqual(INVALID_JSON);
      }
    });
  });

  describe('credential kinds', () => {
    it('a kind that does not parse falls through to the next', async () => {
      const res = await auth({
        auth: { passwordCredentials: { username: 'x', password: 7 }, 'RAX-KSKEY:apiKeyCredentials': { username: 'kim' }, token: { id: 'fallthrough' }, tenantId: '3030' },
      });
      expect(res.status).toBe(200);
      expect(res.json.access.token.id).toBe('fallthrough');
    });

    it('password is tried before token', async () => {
      const res = await auth({ auth: { passwordCredentials: { username: 'lee', password: 'p' }, token: { id: 'not-used' }, tenantId: '6060' } });
      expect(res.status).toBe(200);
      expect(res.json.access.user.name).toBe('lee');
      expect(res.json.access.token.id).not.toBe('not-used');
    });
  });

  describe('bad input answers 400 in the flat shape, never 5xx', () => {
    const bodies: Array<[string, string]> = [
      ['not JSON', '{"auth": '],
      ['empty body', ''],
      ['a JSON array', '[1, 2]'],
      ['a JSON string', '"auth"'],
      ['null', 'null'],
      ['no auth key', '{}'],
      ['auth null', '{"auth": null}'],
      ['auth a string', '{"auth": "x"}'],
      ['auth without credentials', '{"auth": {"tenantId": "1"}}'],
      ['username a number', '{"auth": {"passwordCredentials": {"username": 5, "password": "p"}}}'],
      ['password missing', '{"auth": {"passwordCredentials": {"username": "u"}}}'],
      ['credentials an array', '{"auth": {"passwordCredentials": ["u", "p"]}}'],
      ['apiKey null', '{"auth": {"RAX-KSKEY:apiKeyCredentials": {"username": "u", "apiKey": null}}}'],
      ['token id an object', '{"auth": {"token": {"id": {}}, "tenantId": "1"}}'],
      ['tenantId an object', '{"auth": {"passwordCredentials": {"username": "u", "password": "p"}, "tenantId": {}}}'],
    ];
    it.each(bodies)('%s', async (_name, raw) => {
      const res = await h.client.post('/identity/v2.0/tokens', { raw, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.json).toEqual(INVALID_JSON);
    });

    it('the server still answers afterwards', async () => {
      expect((await auth(passwordAuth('survivor'))).status).toBe(200);
    });
  });
});
