import { passwordAuth, start, type Harness } from './helpers';

describe('strict auth mode', () => {
  const widgetsPath = (h: Harness, tenant: string, region = 'ORD') =>
    `/mimicking/${h.mimic.app.catalog.get('cloudWidgets')!.id}/${region}/v1/${tenant}/widgets`;
  const NO_TOKEN = { unauthorized: { code: 401, message: "No valid token provided. Please use the 'X-Auth-Token' header with a valid token." } };

  describe('off (the default)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await start();
    });
    afterAll(() => h.mimic.close());

    it('service requests need no token, as in the original', async () => {
      const res = await h.client.get(widgetsPath(h, '12345'));
      expect(res.status).toBe(200);
      expect((await h.client.get(widgetsPath(h, '12345'), { headers: { 'x-auth-token': 'garbage' } })).status).toBe(200);
    });
  });

  describe('on (strictAuth: true)', () => {
    let h: Harness;
    let token: string;
    beforeAll(async () => {
      h = await start({ strictAuth: true });
      token = (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth('strict', { tenantId: '11111' }) })).json.access.token.id;
    });
    afterAll(() => h.mimic.close());

    it('a request without X-Auth-Token answers 401', async () => {
      const res = await h.client.get(widgetsPath(h, '11111'));
      expect(res.status).toBe(401);
      expect(res.json).toEqual(NO_TOKEN);
    });

    it('an unknown token answers 401', async () => {
      const res = await h.client.get(widgetsPath(h, '11111'), { headers: { 'x-auth-token': 'not-issued' } });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(NO_TOKEN);
    });

    it("another tenant's token answers 401", async () => {
      const res = await h.client.get(widgetsPath(h, '22222'), { headers: { 'x-auth-token': token } });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ unauthorized: { code: 401, message: "Token doesn't belong to Tenant with Id/Name: '22222'" } });
    });

    it("the tenant's own token passes, in any region", async () => {
      for (const region of ['ORD', 'DFW', 'ANYWHERE']) {
        const res = await h.client.get(widgetsPath(h, '11111', region), { headers: { 'x-auth-token': token } });
        expect(res.status).toBe(200);
        expect(res.json.tenant).toBe('11111');
      }
    });

    it('an impersonation token of the tenant user passes', async () => {
      const imp = await h.client.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', {
        body: { 'RAX-AUTH:impersonation': { user: { username: 'strict' } } },
      });
      const res = await h.client.get(widgetsPath(h, '11111'), { headers: { 'x-auth-token': imp.json.access.token.id } });
      expect(res.status).toBe(200);
    });

    it('a request without a tenant segment (version document) passes', async () => {
      const id = h.mimic.app.catalog.get('cloudWidgets')!.id;
      expect((await h.client.get(`/mimicking/${id}/ORD/v1`)).status).toBe(200);
    });

    it('identity itself is not guarded', async () => {
      expect((await h.client.get('/identity/v2.0')).status).toBe(200);
      expect((await h.client.post('/identity/v2.0/tokens', { body: passwordAuth('other') })).status).toBe(200);
    });

    it('after a reset the old token no longer works; re-authenticating fixes it', async () => {
      await h.client.post('/mimic/v1.0/reset');
      expect((await h.client.get(widgetsPath(h, '11111'), { headers: { 'x-auth-token': token } })).status).toBe(401);
      const fresh = (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth('strict', { tenantId: '11111' }) })).json.access.token.id;
      expect((await h.client.get(widgetsPath(h, '11111'), { headers: { 'x-auth-token': fresh } })).status).toBe(200);
      token = fresh;
    });
  });
});
