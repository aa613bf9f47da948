import { INVALID_JSON, passwordAuth, start, type Harness } from './helpers';

describe('POST /identity/v2.0/RAX-AUTH/impersonation-tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset({ clock: true }));

  const impersonate = (body: unknown, token?: string) =>
    h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', { body, headers: token ? { 'x-auth-token': token } : {} });
  const request = (username: string, seconds?: unknown) => ({
    'RAX-AUTH:impersonation': { user: { username }, ...(seconds === undefined ? {} : { 'expire-in-seconds': seconds }) },
  });

  it('answers a new impersonation token expiring at virtual now + N (UTC digits)', async () => {
    await h.client.post('/mimic/v1.1/tick', { body: { amount: 3600 } });
    const res = await impersonate(request('victim', 30));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access: { token: { id: expect.stringMatching(/^impersonated_token_[0-9a-f-]{36}$/), expires: '1970-01-01T01:00:30.999-05:00' } },
    });
  });

  it('expire-in-seconds defaults to one day and accepts a string of digits', async () => {
    expect((await impersonate(request('victim'))).json.access.token.expires).toBe('1970-01-02T00:00:00.999-05:00');
    expect((await impersonate(request('victim', '60'))).json.access.token.expires).toBe('1970-01-01T00:01:00.999-05:00');
  });

  it('each call makes a new token, and the token then resolves to the victim session everywhere', async () => {
    const victim = (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth('victim', { tenantId: '24680' }) })).json.access;
    const a = (await impersonate(request('victim'))).json.access.token.id;
    const b = (await impersonate(request('victim'))).json.access.token.id;
    expect(a).not.toBe(b);
    const tenants = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': a } });
    expect(tenants.json.tenants).toEqual([{ id: '24680', name: '24680', enabled: true }]);
    const viaToken = await h.client.post('/identity/v2.0/tokens', { body: { auth: { token: { id: b }, tenantId: '24680' } } });
    expect(viaToken.status).toBe(200);
    expect(viaToken.json.access.user.name).toBe('victim');
    expect(viaToken.json.access.token.id).toBe(victim.token.id);
  });

  it('impersonating an unknown user creates that user', async () => {
    const token = (await impersonate(request('newcomer'))).json.access.token.id;
    const users = await h.client.get('/identity/v2.0/users?name=newcomer');
    const tenants = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': token } });
    expect(tenants.json.tenants[0].id).toBe(users.json.user['RAX-AUTH:domainId']);
  });

  describe('bad input answers 400 in the flat shape', () => {
    const bodies: Array<[string, string]> = [
      ['not JSON', '{'],
      ['empty body', ''],
      ['an array', '[]'],
      ['no impersonation key', '{}'],
      ['impersonation null', '{"RAX-AUTH:impersonation": null}'],
      ['no user', '{"RAX-AUTH:impersonation": {"expire-in-seconds": 30}}'],
      ['user a string', '{"RAX-AUTH:impersonation": {"user": "victim"}}'],
      ['no username', '{"RAX-AUTH:impersonation": {"user": {}}}'],
      ['username a number', '{"RAX-AUTH:impersonation": {"user": {"username": 1}}}'],
      ['expire-in-seconds not a number', '{"RAX-AUTH:impersonation": {"user": {"username": "v"}, "expire-in-seconds": "soon"}}'],
      ['expire-in-seconds an object', '{"RAX-AUTH:impersonation": {"user": {"username": "v"}, "expire-in-seconds": {}}}'],
      ['expire-in-seconds absurdly large', '{"RAX-AUTH:impersonation": {"user": {"username": "v"}, "expire-in-seconds": 1e300}}'],
    ];
    it.each(bodies)('%s', async (_name, raw) => {
      const res = await h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', { raw });
      expect(res.status).toBe(400);
      expect(res.json).toEqual(INVALID_JSON);
    });
  });
});
