import { passwordAuth, start, type Harness } from './helpers';

const V2 = '/identity/v2.0';
const AUTH = { 'x-auth-token': 'any-value' };
const tpl = (extra: Record<string, unknown> = {}) => ({ id: 'tpl-1', region: 'ORD', type: 'object-store', name: 'cloudFiles', ...extra });

describe('OS-KSADM services and OS-KSCATALOG endpoint templates', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());
  beforeEach(() => h.mimic.reset());

  const get = (path: string, headers: Record<string, string> = AUTH) => h.client.get(`${V2}${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = AUTH) => h.client.post(`${V2}${path}`, { body, headers });
  const put = (path: string, body: unknown, headers: Record<string, string> = AUTH) => h.client.put(`${V2}${path}`, { body, headers });
  const del = (path: string, headers: Record<string, string> = AUTH) => h.client.delete(`${V2}${path}`, { headers });
  const addService = async (body: Record<string, unknown> = { name: 'cloudFiles', type: 'object-store', id: 'files' }) => {
    const res = await post('/services', body);
    expect(res.status).toBe(201);
  };
  const catalogFor = async (username: string, tenantId: string) =>
    (await h.client.post(`${V2}/tokens`, { body: passwordAuth(username, { tenantId }) })).json.access.serviceCatalog;

  it.each([
    ['GET', '/services'],
    ['POST', '/services'],
    ['DELETE', '/services/x'],
    ['GET', '/OS-KSCATALOG/endpointTemplates'],
    ['POST', '/OS-KSCATALOG/endpointTemplates'],
    ['PUT', '/OS-KSCATALOG/endpointTemplates/x'],
    ['DELETE', '/OS-KSCATALOG/endpointTemplates/x'],
    ['GET', '/tenants/1/OS-KSCATALOG/endpoints'],
    ['POST', '/tenants/1/OS-KSCATALOG/endpoints'],
    ['DELETE', '/tenants/1/OS-KSCATALOG/endpoints/x'],
  ])('%s %s without X-Auth-Token answers 401', async (method, path) => {
    const res = await h.client.request(method, `${V2}${path}`, method === 'GET' ? {} : { body: {} });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ unauthorized: { message: 'Authentication required', code: 401 } });
  });

  describe('services', () => {
    it('lists nothing, then the services added (any token value works)', async () => {
      expect((await get('/services')).json).toEqual({ 'OS-KSADM:services': [] });
      await addService();
      await addService({ name: 'cloudDNS', type: 'rax:dns' });
      const res = await get('/services', { 'x-auth-token': '' });
      expect(res.status).toBe(200);
      expect(res.json['OS-KSADM:services']).toEqual([
        { name: 'cloudFiles', type: 'object-store', id: 'files', description: 'External API referenced by Mimic' },
        { name: 'cloudDNS', type: 'rax:dns', id: expect.stringMatching(/^[0-9a-f-]{36}$/), description: 'External API referenced by Mimic' },
      ]);
    });

    it('keeps a given description; the created answer is empty', async () => {
      const res = await post('/services', { name: 'n', type: 't', description: 'mine' });
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      expect((await get('/services')).json['OS-KSADM:services'][0].description).toBe('mine');
    });

    it.each([
      ['not JSON', undefined, 400, 'badRequest', 'Invalid JSON request body'],
      ['an array', [], 400, 'badRequest', 'Invalid JSON request body'],
      ['no name', { type: 't' }, 400, 'badRequest', "Invalid Content. 'name' and 'type' fields are required."],
      ['no type', { name: 'n' }, 400, 'badRequest', "Invalid Content. 'name' and 'type' fields are required."],
      ['a numeric name', { name: 5, type: 't' }, 400, 'badRequest', "Invalid Content. 'name' and 'type' fields are required."],
    ])('POST with %s answers %s', async (_label, body, code, kind, message) => {
      const res = body === undefined ? await h.client.post(`${V2}/services`, { raw: '{nope', headers: AUTH }) : await post('/services', body);
      expect(res.status).toBe(code);
      expect(res.json).toEqual({ [kind]: { message, code } });
    });

    it('POST conflicts on a used id or name', async () => {
      await addService();
      const sameId = await post('/services', { name: 'other', type: 'x', id: 'files' });
      expect(sameId.status).toBe(409);
      expect(sameId.json).toEqual({ conflict: { message: 'Conflict: Service with the same uuid already exists.', code: 409 } });
      const sameName = await post('/services', { name: 'cloudFiles', type: 'x' });
      expect(sameName.status).toBe(409);
      expect(sameName.json).toEqual({ conflict: { message: 'Conflict: Service with the same name already exists.', code: 409 } });
    });

    it('DELETE removes a service without templates, refuses one with templates, 404s an unknown one', async () => {
      await addService();
      expect((await post('/OS-KSCATALOG/endpointTemplates', tpl())).status).toBe(201);
      const busy = await del('/services/files');
      expect(busy.status).toBe(409);
      expect(busy.json).toEqual({ conflict: { message: 'Service still has endpoint templates.', code: 409 } });
      expect((await del('/OS-KSCATALOG/endpointTemplates/tpl-1')).status).toBe(204);
      const gone = await del('/services/files');
      expect(gone.status).toBe(204);
      const unknown = await del('/services/files');
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({ itemNotFound: { message: 'Service not found. Unable to remove.', code: 404 } });
    });
  });

  describe('endpoint templates', () => {
    const fullTemplate = {
      id: 'tpl-1', region: 'ORD', type: 'object-store', name: 'cloudFiles', enabled: false,
      publicURL: '', internalURL: '', adminURL: '', 'RAX-AUTH:tenantAlias': '%tenant_id%', versionId: '', versionInfo: '', versionList: '',
    };

    it('POST finds the service by template name; GET returns every field with defaults', async () => {
      await addService();
      const res = await post('/OS-KSCATALOG/endpointTemplates', tpl());
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      const list = await get('/OS-KSCATALOG/endpointTemplates');
      expect(list.status).toBe(200);
      expect(list.json).toEqual({ 'OS-KSCATALOG': [fullTemplate], 'OS-KSCATALOG:endpointsTemplates_links': [] });
    });

    it('the serviceid header picks the service for POST and GET; an unknown one answers 404', async () => {
      await addService();
      await addService({ name: 'swift', type: 'object-store', id: 'swift-id' });
      expect((await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'sw' }), { ...AUTH, serviceid: 'swift-id' })).status).toBe(201);
      expect((await post('/OS-KSCATALOG/endpointTemplates', tpl())).status).toBe(201);
      const swift = await get('/OS-KSCATALOG/endpointTemplates', { ...AUTH, serviceid: 'swift-id' });
      expect(swift.json['OS-KSCATALOG'].map((t: { id: string }) => t.id)).toEqual(['sw']);
      expect((await get('/OS-KSCATALOG/endpointTemplates')).json['OS-KSCATALOG']).toHaveLength(2);
      const unknown = await get('/OS-KSCATALOG/endpointTemplates', { ...AUTH, serviceid: 'nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({ itemNotFound: { message: 'Unable to find the requested API', code: 404 } });
    });

    it.each(['id', 'region', 'type', 'name'])('POST without %s answers 400 naming it', async (key) => {
      await addService();
      const body: Record<string, unknown> = tpl();
      delete body[key];
      const res = await post('/OS-KSCATALOG/endpointTemplates', body);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ badRequest: { message: `JSON body does not contain the required parameters: Missing required value ${key}`, code: 400 } });
    });

    it('POST with a wrongly typed field answers 400', async () => {
      await addService();
      for (const extra of [{ region: 5 }, { enabled: 'yes' }, { publicURL: [] }, { id: { a: 1 } }]) {
        const res = await post('/OS-KSCATALOG/endpointTemplates', tpl(extra));
        expect(res.status).toBe(400);
        expect(res.json.badRequest.message).toMatch(/^JSON body does not contain the required parameters: /);
      }
    });

    it('POST errors: bad JSON, duplicate id, no service, type mismatch', async () => {
      await addService();
      const bad = await h.client.post(`${V2}/OS-KSCATALOG/endpointTemplates`, { raw: 'nope', headers: AUTH });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ badRequest: { message: 'Invalid JSON request body', code: 400 } });
      expect((await post('/OS-KSCATALOG/endpointTemplates', tpl())).status).toBe(201);
      const dup = await post('/OS-KSCATALOG/endpointTemplates', tpl());
      expect(dup.status).toBe(409);
      expect(dup.json).toEqual({ conflict: { message: 'ID value is already assigned to an existing template', code: 409 } });
      const noSvc = await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'x', name: 'unknown' }));
      expect(noSvc.status).toBe(404);
      expect(noSvc.json).toEqual({ itemNotFound: { message: 'Service API for endoint template not found', code: 404 } });
      const badHeader = await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'y' }), { ...AUTH, serviceid: 'missing' });
      expect(badHeader.status).toBe(404);
      const mismatch = await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'z', type: 'compute' }));
      expect(mismatch.status).toBe(409);
      expect(mismatch.json).toEqual({ conflict: { message: 'Endpoint already exists or service type does not match.', code: 409 } });
    });

    it('PUT replaces a template', async () => {
      await addService();
      await post('/OS-KSCATALOG/endpointTemplates', tpl());
      const res = await put('/OS-KSCATALOG/endpointTemplates/tpl-1', tpl({ region: 'DFW', enabled: true, publicURL: 'http://files/%tenant_id%' }));
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      const [updated] = (await get('/OS-KSCATALOG/endpointTemplates')).json['OS-KSCATALOG'];
      expect(updated).toEqual({ ...fullTemplate, region: 'DFW', enabled: true, publicURL: 'http://files/%tenant_id%' });
    });

    it('PUT errors', async () => {
      await addService();
      await post('/OS-KSCATALOG/endpointTemplates', tpl());
      const cases: Array<[unknown, Record<string, string>, number, Record<string, unknown>]> = [
        [tpl({ id: 'other' }), AUTH, 409, { conflict: { message: 'Template ID in URL does not match that of the JSON body', code: 409 } }],
        [{ region: 'ORD', type: 'object-store', name: 'cloudFiles' }, AUTH, 400, { badRequest: { message: "JSON body does not contain the required parameters: 'id'", code: 400 } }],
        [{ id: 'tpl-1', type: 'object-store', name: 'cloudFiles' }, AUTH, 400, { badRequest: { message: 'JSON body does not contain the required parameters: Missing required value region', code: 400 } }],
        [tpl(), { ...AUTH, serviceid: 'missing' }, 404, { itemNotFound: { message: 'Service API for endoint template not found', code: 404 } }],
        [tpl({ type: 'compute' }), AUTH, 409, { conflict: { message: 'Endpoint already exists and service id or service type does not match.', code: 409 } }],
      ];
      for (const [body, headers, code, expected] of cases) {
        const res = await put('/OS-KSCATALOG/endpointTemplates/tpl-1', body, headers);
        expect(res.status).toBe(code);
        expect(res.json).toEqual(expected);
      }
      const bad = await h.client.put(`${V2}/OS-KSCATALOG/endpointTemplates/tpl-1`, { raw: '[', headers: AUTH });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ badRequest: { message: 'Invalid JSON request body', code: 400 } });
      // Unknown template without a serviceid: no service owns it.
      const unowned = await put('/OS-KSCATALOG/endpointTemplates/ghost', tpl({ id: 'ghost' }));
      expect(unowned.status).toBe(404);
      expect(unowned.json.itemNotFound.message).toBe('Service API for endoint template not found');
      // Unknown template in a named service.
      const missing = await put('/OS-KSCATALOG/endpointTemplates/ghost', tpl({ id: 'ghost' }), { ...AUTH, serviceid: 'files' });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual({
        itemNotFound: { message: 'Unable to update non-existent template. Template must first be added before it can be updated.', code: 404 },
      });
    });

    it('DELETE removes a template, with or without the owning serviceid; otherwise 404', async () => {
      await addService();
      await post('/OS-KSCATALOG/endpointTemplates', tpl());
      await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'tpl-2' }));
      const noTpl = { itemNotFound: { message: 'Unable to locate an External API with the given Template ID.', code: 404 } };
      const wrongService = await del('/OS-KSCATALOG/endpointTemplates/tpl-1', { ...AUTH, serviceid: 'unknown' });
      expect(wrongService.status).toBe(404);
      expect(wrongService.json).toEqual(noTpl);
      expect((await del('/OS-KSCATALOG/endpointTemplates/tpl-1', { ...AUTH, serviceid: 'files' })).status).toBe(204);
      expect((await del('/OS-KSCATALOG/endpointTemplates/tpl-2')).status).toBe(204);
      const again = await del('/OS-KSCATALOG/endpointTemplates/tpl-2');
      expect(again.status).toBe(404);
      expect(again.json).toEqual(noTpl);
    });

    it('accepts integer template ids, as Rackspace uses', async () => {
      await addService();
      expect((await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 42 }))).status).toBe(201);
      expect((await get('/OS-KSCATALOG/endpointTemplates')).json['OS-KSCATALOG'][0].id).toBe(42);
      expect((await post('/tenants/9/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 42 } })).status).toBe(201);
      expect((await put('/OS-KSCATALOG/endpointTemplates/42', tpl({ id: 42, region: 'IAD' }))).status).toBe(201);
      expect((await del('/OS-KSCATALOG/endpointTemplates/42')).status).toBe(204);
    });
  });

  describe('per-tenant endpoints and the catalog', () => {
    beforeEach(async () => {
      await addService();
      await post('/OS-KSCATALOG/endpointTemplates', tpl({ publicURL: 'http://files/v1/%tenant_id%', internalURL: 'http://snet-files/v1/%tenant_id%/%tenant_id%' }));
      await post('/OS-KSCATALOG/endpointTemplates', tpl({ id: 'global', region: 'DFW', enabled: true, publicURL: 'http://dfw/{t}', 'RAX-AUTH:tenantAlias': '{t}' }));
    });

    it('an external service is listed before bundled services, one entry even without endpoints', async () => {
      await addService({ name: 'emptyService', type: 'rax:empty', id: 'empty' });
      const catalog = await catalogFor('cat', '100');
      expect(catalog.map((e: { name: string }) => e.name)).toEqual(['cloudFiles', 'emptyService', 'cloudWidgets']);
      expect(catalog[0]).toEqual({
        name: 'cloudFiles',
        type: 'object-store',
        endpoints: [{ region: 'DFW', tenantId: '100', publicURL: 'http://dfw/100', internalURL: '' }],
      });
      expect(catalog[1]).toEqual({ name: 'emptyService', type: 'rax:empty', endpoints: [] });
    });

    it('enabling a template for a tenant adds it to that tenant only, alias substituted everywhere', async () => {
      const res = await post('/tenants/200/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 'tpl-1' } });
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      const mine = (await catalogFor('mine', '200'))[0].endpoints;
      expect(mine).toEqual([
        { region: 'ORD', tenantId: '200', publicURL: 'http://files/v1/200', internalURL: 'http://snet-files/v1/200/200' },
        { region: 'DFW', tenantId: '200', publicURL: 'http://dfw/200', internalURL: '' },
      ]);
      expect((await catalogFor('theirs', '300'))[0].endpoints).toHaveLength(1);
      const flat = await h.client.get(`${V2}/tokens/${'x'}/endpoints`);
      expect(flat.json.endpoints.some((e: { name: string }) => e.name === 'cloudFiles')).toBe(true);
    });

    it('GET tenant endpoints lists templates enabled globally or for the tenant, URLs not substituted', async () => {
      await post('/tenants/200/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 'tpl-1' } });
      const res = await get('/tenants/200/OS-KSCATALOG/endpoints');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        endpoints: [
          { tenantId: '200', id: 'tpl-1', region: 'ORD', type: 'object-store', publicURL: 'http://files/v1/%tenant_id%', internalURL: 'http://snet-files/v1/%tenant_id%/%tenant_id%', adminURL: '' },
          { tenantId: '200', id: 'global', region: 'DFW', type: 'object-store', publicURL: 'http://dfw/{t}', internalURL: '', adminURL: '' },
        ],
        endpoints_links: [],
      });
      expect((await get('/tenants/300/OS-KSCATALOG/endpoints')).json.endpoints).toHaveLength(1);
      expect((await get('/tenants/200/OS-KSCATALOG/endpoints', { ...AUTH, serviceid: 'files' })).json.endpoints).toHaveLength(2);
      const unknown = await get('/tenants/200/OS-KSCATALOG/endpoints', { ...AUTH, serviceid: 'nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({ itemNotFound: { message: 'Unable to find the requested API', code: 404 } });
    });

    it('POST tenant endpoint errors', async () => {
      const bad = await h.client.post(`${V2}/tenants/1/OS-KSCATALOG/endpoints`, { raw: 'x', headers: AUTH });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ badRequest: { message: 'Invalid JSON request body', code: 400 } });
      for (const body of [{}, { 'OS-KSCATALOG:endpointTemplate': {} }, { 'OS-KSCATALOG:endpointTemplate': 'tpl-1' }, { 'OS-KSCATALOG:endpointTemplate': { id: null } }]) {
        const res = await post('/tenants/1/OS-KSCATALOG/endpoints', body);
        expect(res.status).toBe(400);
        expect(res.json).toEqual({ badRequest: { message: 'Invalid Content. OS-KSCATALOG:endpointTemplate:id is required.', code: 400 } });
      }
      const unknown = await post('/tenants/1/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 'ghost' } });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({ itemNotFound: { message: 'Unable to locate an External API with the given Template ID.', code: 404 } });
    });

    it('DELETE tenant endpoint disables it for the tenant; errors for not enabled and unknown', async () => {
      await post('/tenants/200/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 'tpl-1' } });
      expect((await del('/tenants/200/OS-KSCATALOG/endpoints/tpl-1')).status).toBe(204);
      expect((await catalogFor('after', '200'))[0].endpoints).toHaveLength(1);
      const notEnabled = await del('/tenants/200/OS-KSCATALOG/endpoints/tpl-1');
      expect(notEnabled.status).toBe(404);
      expect(notEnabled.json).toEqual({ itemNotFound: { message: 'Template not enabled for tenant', code: 404 } });
      const unknown = await del('/tenants/200/OS-KSCATALOG/endpoints/ghost');
      expect(unknown.status).toBe(404);
      expect(unknown.json.itemNotFound.message).toBe('Unable to locate an External API with the given Template ID.');
    });

    it('deleting a template disables it for every tenant', async () => {
      await post('/tenants/200/OS-KSCATALOG/endpoints', { 'OS-KSCATALOG:endpointTemplate': { id: 'tpl-1' } });
      expect((await del('/OS-KSCATALOG/endpointTemplates/tpl-1')).status).toBe(204);
      expect((await catalogFor('x', '200'))[0].endpoints.map((e: { region: string }) => e.region)).toEqual(['DFW']);
      // Re-adding the same id does not bring back the old tenant enablement.
      await post('/OS-KSCATALOG/endpointTemplates', tpl());
      expect((await get('/tenants/200/OS-KSCATALOG/endpoints')).json.endpoints).toHaveLength(1);
    });

    it('reset drops external services and templates', async () => {
      await h.client.post('/mimic/v1.0/reset');
      expect((await get('/services')).json['OS-KSADM:services']).toEqual([]);
      expect((await catalogFor('x', '1')).map((e: { name: string }) => e.name)).toEqual(['cloudWidgets']);
    });
  });
});
