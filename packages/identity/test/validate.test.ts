import { passwordAuth, start, type Harness } from './helpers';

const USER_ADMIN = [{ id: '3', description: 'User Admin Role.', name: 'identity:user-admin' }];
const R6 = [
  { id: '10000001', serviceId: 'test-eabb70a0e702a4626977c331d5c4', description: 'Service admin role for cloud feeds access. Assign only to service users', name: 'cloudfeeds:service-admin' },
  { id: '10000002', serviceId: 'test-eabb70a0e702a4626977c331d5c4', description: 'Checkmate Access role', name: 'checkmate' },
  { id: '100000003', serviceId: 'test-eabb70a0e702a4626977c331d5c4', description: 'Service admin role for Monitoring access. Assign only to service users', name: 'monitoring:service-admin' },
  { id: '100000004', serviceId: 'test-eabb70a0e702a4626977c331d5c4', description: 'Admin Role.', name: 'identity:admin' },
  { id: '10000005', serviceId: 'test-d4614b87411e141fe8109099bc4f', description: 'Role to access Customer service as an Admin', name: 'customer:admin' },
  { id: '10000006', serviceId: 'test-eabb70a0e702a4626977c331d5c4', description: 'Service admin role for Cloud Backup access. Assign only to service users', name: 'cloudbackup:service-admin' },
];

describe('GET /identity/v2.0/tokens/<token> (validate)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset());

  const validate = (token: string, belongsTo?: string) =>
    h.client.get(`/identity/v2.0/tokens/${encodeURIComponent(token)}${belongsTo === undefined ? '' : `?belongsTo=${encodeURIComponent(belongsTo)}`}`);
  const authenticate = async (username: string, tenantId: string) =>
    (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth(username, { tenantId }) })).json.access;

  it('a known token answers its session as in /tokens, without serviceCatalog', async () => {
    const access = await authenticate('val', '1357');
    const res = await validate(access.token.id);
    expect(res.status).toBe(200);
    expect(res.json.access.token).toEqual(access.token);
    expect(res.json.access.user).toEqual(access.user);
    expect(res.json.access.serviceCatalog).toBeUndefined();
    expect(res.json.access['RAX-AUTH:impersonator']).toBeUndefined();
  });

  it('never 404: an unknown token creates a session with that token', async () => {
    const res = await validate('brand-new-token');
    expect(res.status).toBe(200);
    expect(res.json.access.token.id).toBe('brand-new-token');
    expect(res.json.access.user.roles).toEqual(USER_ADMIN);
    const again = await validate('brand-new-token');
    expect(again.json.access.token.tenant).toEqual(res.json.access.token.tenant);
  });

  it('with belongsTo naming a known tenant the token is ignored and the tenant session answers', async () => {
    const access = await authenticate('owner', '2468');
    const res = await validate('whatever-token', '2468');
    expect(res.status).toBe(200);
    expect(res.json.access.token.id).toBe(access.token.id);
    expect(res.json.access.user.name).toBe('owner');
  });

  it('with belongsTo naming an unknown tenant a session gets this tenant and token', async () => {
    const res = await validate('fresh-token', '97531');
    expect(res.json.access.token.id).toBe('fresh-token');
    expect(res.json.access.token.tenant).toEqual({ id: '97531', name: '97531' });
    const tenants = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': 'fresh-token' } });
    expect(tenants.json.tenants[0].id).toBe('97531');
  });

  it('an impersonation token keeps its id and names its impersonator with the six roles', async () => {
    const admin = await authenticate('admin-user', '1010');
    await authenticate('victim', '2020');
    const imp = await h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', {
      body: { 'RAX-AUTH:impersonation': { user: { username: 'victim' } } },
      headers: { 'x-auth-token': admin.token.id },
    });
    const token = imp.json.access.token.id;
    for (const belongsTo of [undefined, '2020']) {
      const res = await validate(token, belongsTo);
      expect(res.status).toBe(200);
      expect(res.json.access.token.id).toBe(token);
      expect(res.json.access.token.tenant.id).toBe('2020');
      expect(res.json.access.user.name).toBe('victim');
      expect(res.json.access['RAX-AUTH:impersonator']).toEqual({ id: admin.user.id, name: 'admin-user', roles: R6 });
    }
  });

  it('an impersonation token from an unknown impersonator has no impersonator block', async () => {
    const imp = await h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', {
      body: { 'RAX-AUTH:impersonation': { user: { username: 'victim2' } } },
      headers: { 'x-auth-token': 'nobody-knows-me' },
    });
    const res = await validate(imp.json.access.token.id);
    expect(res.json.access.token.id).toBe(imp.json.access.token.id);
    expect(res.json.access['RAX-AUTH:impersonator']).toBeUndefined();
  });

  it('the fail-to-auth preset token answers 401 in the itemNotFound shape, and its session exists', async () => {
    const res = await validate('never-cache-this-and-fail-to-auth');
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ itemNotFound: { code: 401, message: 'Invalid auth token' } });
    const tenants = await h.client.get('/identity/v2.0/tenants', { headers: { 'x-auth-token': 'never-cache-this-and-fail-to-auth' } });
    expect(tenants.status).toBe(200);
  });

  it.each([
    'this_is_an_impersonator_token',
    'this_is_an_impersonator_token_also',
    'impersonate_watson',
    'impersonate_creator',
    'this_is_an_impersonator_token_also_2',
    'impersonate_foo_token',
  ])('maas admin token %s gets the monitoring/object-store impersonator', async (token) => {
    const { access } = (await validate(token)).json;
    expect(access['RAX-AUTH:impersonator']).toEqual({
      id: access.user.id,
      name: access.user.name,
      roles: [{ id: '123', name: 'monitoring:service-admin' }, { id: '234', name: 'object-store:admin' }],
    });
  });

  it('the racker token gets the Racker impersonator', async () => {
    const { access } = (await validate('this_is_a_racker_token')).json;
    expect(access['RAX-AUTH:impersonator']).toEqual({ id: access.user.id, name: access.user.name, roles: [{ id: '9', name: 'Racker' }] });
  });

  const observer = { id: 'observer', description: 'Global Observer Role.', name: 'observer' };
  it.each([
    ['09876', [observer]],
    ['09090', [{ id: 'creator', description: 'Global Creator Role.', name: 'creator' }]],
    ['9999', [{ id: 'admin', description: 'Global Admin Role.', name: 'admin' }, observer]],
  ])('belongsTo %s replaces the user roles', async (tenant, roles) => {
    const res = await validate('role-token', tenant);
    expect(res.status).toBe(200);
    expect(res.json.access.user.roles).toEqual(roles);
    expect(res.json.access.user['RAX-AUTH:defaultRegion']).toBe('DFW');
  });

  const role = (id: string, name: string, description?: string, tenantId?: string) => ({
    id, name, ...(description === undefined ? {} : { description }), ...(tenantId === undefined ? {} : { tenantId }),
  });
  const nobody = role('1', 'identity:nobody', 'Nobody');
  const hybrid = 'hybrid:123456';
  const fixtures: Array<[string, string, string, string, object[], string | undefined, object[] | undefined]> = [
    ['OneTwo', '135790', '12', 'OneTwo', [role('1', 'monitoring:observer', 'Monitoring Observer')], undefined, undefined],
    ['ThreeFour', '135790', '34', 'ThreeFour', [role('1', 'monitoring:admin', 'Monitoring Admin'), role('2', 'admin', 'Admin')], undefined, undefined],
    ['ThreeFourImpersonator', '135790', '34', 'ThreeFour', [nobody], undefined, [role('1', 'monitoring:service-admin'), role('2', 'object-store:admin')]],
    ['ThreeFourRacker', '135790', '34', 'ThreeFour', [nobody], undefined, [role('1', 'Racker')]],
    ['HybridOneTwo', hybrid, '12', 'HybridOneTwo', [role('1', 'monitoring:observer', undefined, hybrid)], '12', undefined],
    ['HybridThreeFour', hybrid, '34', 'HybridThreeFour', [role('1', 'monitoring:creator', 'Monitoring Creator'), role('2', 'creator', 'Creator')], '34', undefined],
    ['HybridFiveSix', hybrid, '56', 'HybridFiveSix', [role('1', 'monitoring:observer', 'Monitoring Observer'), role('2', 'observer', 'Observer')], '56', undefined],
    ['HybridOneTwoRacker', hybrid, '12', 'HybridOneTwo', [nobody], '12', [role('1', 'Racker')]],
    ['HybridThreeFourImpersonator', hybrid, '34', 'HybridThreeFour', [nobody], '34', [role('1', 'monitoring:service-admin')]],
    ['HybridSevenEight', hybrid, '78', 'HybridSevenEight', [role('1', 'identity:user-admin', 'User admin')], '78', undefined],
    ['HybridNineZero', hybrid, '90', 'HybridNineZero', [role('1', 'identity:user-admin', 'Admin'), role('3', 'hybridRole', 'Hybrid Admin', hybrid)], undefined, [role('1', 'monitoring:service-admin')]],
  ];
  it.each(fixtures)('fixture token %s replaces tenant and user', async (token, tenant, userId, userName, roles, contactId, impersonatorRoles) => {
    const res = await validate(token);
    expect(res.status).toBe(200);
    const { access } = res.json;
    expect(access.token.id).toBe(token);
    expect(access.token.tenant).toEqual({ id: tenant, name: tenant });
    expect(access.user).toEqual({ id: userId, name: userName, roles, ...(contactId ? { 'RAX-AUTH:contactId': contactId } : {}) });
    if (impersonatorRoles) expect(access['RAX-AUTH:impersonator']).toEqual({ id: userId, name: userName, roles: impersonatorRoles });
    else expect(access['RAX-AUTH:impersonator']).toBeUndefined();
  });

  it('fixture tokens still replace the user when belongsTo picks roles', async () => {
    const { access } = (await validate('OneTwo', '9999')).json;
    expect(access.user.name).toBe('OneTwo');
    expect(access.user.roles).toEqual([role('1', 'monitoring:observer', 'Monitoring Observer')]);
  });

  it('repeated validations do not accumulate roles or impersonators', async () => {
    for (let i = 0; i < 3; i++) {
      const { access } = (await validate('this_is_a_racker_token', '9999')).json;
      expect(access.user.roles).toHaveLength(2);
      expect(access['RAX-AUTH:impersonator'].roles).toHaveLength(1);
    }
  });
});
