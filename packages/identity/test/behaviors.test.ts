import { apiKeyAuth, passwordAuth, start, tokenAuth, type Harness } from './helpers';

const BEHAVIORS = '/mimic/v1.1/IdentityControlAPI/behaviors/auth';

describe('identity auth behaviours', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset());

  const register = async (body: unknown) => {
    const res = await h.client.post(BEHAVIORS, { body });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const auth = (body: unknown) => h.client.post('/identity/v2.0/tokens', { body });
  const impersonate = (username: string) =>
    h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', { body: { 'RAX-AUTH:impersonation': { user: { username } } } });

  it('fail on a username fails password, apiKey and impersonation of that user; token auth passes', async () => {
    const first = (await auth(passwordAuth('failme', { tenantId: '1212' }))).json.access;
    const id = await register({ name: 'fail', parameters: { message: 'Invalid creds', code: 403 }, criteria: [{ username: 'failme' }] });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const expected = { unauthorized: { message: 'Invalid creds', code: 403 } };
    for (const res of [await auth(passwordAuth('failme')), await auth(apiKeyAuth('failme')), await impersonate('failme')]) {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(expected);
    }
    const viaToken = await auth(tokenAuth(first.token.id, { tenantId: '1212' }));
    expect(viaToken.status).toBe(200);
    // Criteria are regexes anchored at the start only.
    expect((await auth(passwordAuth('failme-too'))).status).toBe(403);
    expect((await auth(passwordAuth('not-failme'))).status).toBe(200);
  });

  it('fail defaults: 401 unauthorized with the standard message', async () => {
    await register({ name: 'fail', parameters: {}, criteria: [] });
    const res = await auth(passwordAuth('anyone'));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ unauthorized: { message: 'Unable to authenticate user with credentials provided.', code: 401 } });
  });

  it('a tenant_id criterion fails password, apiKey and token auth for that tenant; impersonation succeeds', async () => {
    await register({ name: 'fail', parameters: {}, criteria: [{ tenant_id: '123456' }] });
    for (const body of [passwordAuth('t1', { tenantId: '123456' }), apiKeyAuth('t2', { tenantName: '123456' }), tokenAuth('tok', { tenantId: '123456' })]) {
      expect((await auth(body)).status).toBe(401);
    }
    expect((await auth(passwordAuth('t3', { tenantId: '654321' }))).status).toBe(200);
    expect((await impersonate('t1')).status).toBe(200);
  });

  it('a tenant_id criterion against a request without a tenant answers 400 in the flat shape', async () => {
    await register({ name: 'fail', parameters: {}, criteria: [{ tenant_id: '123456' }] });
    const res = await auth(passwordAuth('no-tenant'));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: expect.stringMatching(/tenant_id/), code: 400 });
    // An earlier registration that matches decides first.
    await h.mimic.reset();
    await register({ name: 'fail', parameters: { code: 418 }, criteria: [{ username: 'teapot' }] });
    await register({ name: 'fail', parameters: {}, criteria: [{ tenant_id: '1' }] });
    expect((await auth(passwordAuth('teapot'))).status).toBe(418);
  });

  it('type "string" answers the bare message as text', async () => {
    await register({ name: 'fail', parameters: { type: 'string', code: 500, message: 'Failure of JSON' }, criteria: [] });
    const res = await auth(passwordAuth('x'));
    expect(res.status).toBe(500);
    expect(res.text).toBe('Failure of JSON');
  });

  it('a custom type wraps the message under it', async () => {
    await register({ name: 'fail', parameters: { type: 'identityFault', code: 500, message: 'Auth failure' }, criteria: [] });
    const res = await auth(passwordAuth('x'));
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ identityFault: { message: 'Auth failure', code: 500 } });
  });

  it('sequence cycles through its items on each match', async () => {
    await register({
      name: 'sequence',
      parameters: { behaviors: [{ name: 'fail', parameters: { code: 503, message: 'busy' } }, { name: 'default' }] },
      criteria: [{ username: 'flaky' }],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await auth(passwordAuth('flaky'))).status);
    expect(statuses).toEqual([503, 200, 503, 200]);
    expect((await auth(passwordAuth('steady'))).status).toBe(200);
  });

  it('the earliest registered match wins', async () => {
    await register({ name: 'fail', parameters: { code: 403 }, criteria: [{ username: 'x' }] });
    await register({ name: 'fail', parameters: { code: 429 }, criteria: [] });
    expect((await auth(passwordAuth('xavier'))).status).toBe(403);
    expect((await auth(passwordAuth('yolanda'))).status).toBe(429);
  });

  it('criteria are ANDed, and a username criterion never matches token auth', async () => {
    await register({ name: 'fail', parameters: {}, criteria: [{ username: 'both' }, { tenant_id: '42' }] });
    expect((await auth(passwordAuth('both', { tenantId: '42' }))).status).toBe(401);
    expect((await auth(passwordAuth('both2', { tenantId: '43' }))).status).toBe(200);
    expect((await auth(tokenAuth('tk', { tenantId: '42' }))).status).toBe(200);
  });

  it('DELETE removes a behaviour: 204, then 404', async () => {
    const id = await register({ name: 'fail', parameters: {}, criteria: [] });
    expect((await auth(passwordAuth('z'))).status).toBe(401);
    const del = await h.client.delete(`${BEHAVIORS}/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await auth(passwordAuth('z'))).status).toBe(200);
    const again = await h.client.delete(`${BEHAVIORS}/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.itemNotFound.code).toBe(404);
    expect((await h.client.delete(`${BEHAVIORS}/not-a-uuid`)).status).toBe(404);
  });

  it('reset drops registered behaviours', async () => {
    await register({ name: 'fail', parameters: {}, criteria: [] });
    await h.client.post('/mimic/v1.0/reset');
    expect((await auth(passwordAuth('after-reset'))).status).toBe(200);
  });

  it.each([
    ['not JSON', '{'],
    ['no name', '{"parameters": {}, "criteria": []}'],
    ['no criteria', '{"name": "fail", "parameters": {}}'],
    ['no parameters', '{"name": "fail", "criteria": []}'],
    ['unknown behaviour', '{"name": "explode", "parameters": {}, "criteria": []}'],
    ['unknown criterion', '{"name": "fail", "parameters": {}, "criteria": [{"server_name": "x"}]}'],
    ['code not a number', '{"name": "fail", "parameters": {"code": "403"}, "criteria": []}'],
    ['code out of range', '{"name": "fail", "parameters": {"code": 99}, "criteria": []}'],
    ['message not a string', '{"name": "fail", "parameters": {"message": 5}, "criteria": []}'],
    ['criterion value not a string', '{"name": "fail", "parameters": {}, "criteria": [{"username": 5}]}'],
    ['bad regex', '{"name": "fail", "parameters": {}, "criteria": [{"username": "("}]}'],
    ['sequence without behaviors', '{"name": "sequence", "parameters": {}, "criteria": []}'],
  ])('registering with %s answers 400 JSON', async (_name, raw) => {
    const res = await h.client.post(BEHAVIORS, { raw });
    expect(res.status).toBe(400);
    expect(res.json.badRequest.code).toBe(400);
  });
});
