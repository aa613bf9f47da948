import { createMimic, testClient, type Mimic, type TestClient } from '@mimic/core';
import { identity } from '@mimic/identity';
// The plugin is plain CommonJS: loaded exactly as `mimic --plugin ./examples/dns` loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dns, plugin } = require('..') as typeof import('..');

let mimic: Mimic;
let client: TestClient;
let root: string;

beforeEach(async () => {
  mimic = await createMimic({ plugins: [identity(), dns()] });
  client = testClient(mimic);
  const auth = await client.post('/identity/v2.0/tokens', { body: { auth: { passwordCredentials: { username: 'dns-user', password: 'x' } } } });
  const entry = (auth.json.access.serviceCatalog as Array<{ name: string; type: string; endpoints: Array<{ publicURL: string; region: string }> }>).find(
    (e) => e.name === 'cloudDNS',
  )!;
  expect(entry.type).toBe('rax:dns');
  root = entry.endpoints[0].publicURL;
});
afterEach(() => mimic.close());

const exampleDomain = {
  name: 'Example.com',
  emailAddress: 'admin@example.com',
  ttl: 3600,
  comment: 'test zone',
  recordsList: { records: [{ name: 'www.example.com', type: 'A', data: '192.0.2.10' }, { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 10 }] },
};

async function createDomain(domain: unknown = exampleDomain) {
  const created = await client.post(`${root}/domains`, { body: { domains: [domain] } });
  expect(created.status).toBe(202);
  return created.json.response.domains[0];
}

describe('the DNS example plugin', () => {
  it('exports its factory as `plugin` for the CLI and lists cloudDNS in the identity catalog', () => {
    expect(plugin).toBe(dns);
    expect(mimic.app.catalog.get('cloudDNS')).toMatchObject({ type: 'rax:dns', regions: ['ORD'], prefix: 'v1.0', plugin: 'mimic-plugin-dns' });
    expect(root).toMatch(/\/mimicking\/DNSApi-[0-9a-f]{6}\/ORD\/v1\.0\/\d+$/);
  });

  it('creates a domain as a finished job, with its records, then shows it', async () => {
    const created = await client.post(`${root}/domains`, { body: { domains: [exampleDomain] } });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ status: 'COMPLETED', verb: 'POST', requestUrl: `${root}/domains` });
    expect(created.json.callbackUrl).toBe(`${root}/status/${created.json.jobId}`);
    const domain = created.json.response.domains[0];
    expect(domain).toMatchObject({ name: 'example.com', emailAddress: 'admin@example.com', ttl: 3600, comment: 'test zone', created: '1970-01-01T00:00:00.000+0000' });
    expect(domain.recordsList.records).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^A-\d+$/), name: 'www.example.com', type: 'A', data: '192.0.2.10', ttl: 300 }),
      expect.objectContaining({ id: expect.stringMatching(/^MX-\d+$/), type: 'MX', priority: 10 }),
    ]);

    const shown = await client.get(`${root}/domains/${domain.id}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toEqual(domain);

    const status = await client.get(`${root}/status/${created.json.jobId}`);
    expect(status.json).not.toHaveProperty('response');
    const detailed = await client.get(`${root}/status/${created.json.jobId}?showDetails=true`);
    expect(detailed.json.response.domains[0].id).toBe(domain.id);
  });

  it('lists domains with paging and finds one by name', async () => {
    const ids: number[] = [];
    for (const name of ['a.com', 'b.com', 'c.com']) ids.push((await createDomain({ name, emailAddress: 'x@y.z' })).id);
    const first = await client.get(`${root}/domains?limit=2`);
    expect(first.json.totalEntries).toBe(3);
    expect(first.json.domains.map((d: { id: number }) => d.id)).toEqual(ids.slice(0, 2));
    expect(first.json.domains[0]).not.toHaveProperty('recordsList');
    const second = await client.get(`${root}/domains?limit=2&offset=2`);
    expect(second.json.domains.map((d: { name: string }) => d.name)).toEqual(['c.com']);
    const byName = await client.get(`${root}/domains?name=B.com`);
    expect(byName.json).toEqual({ domains: [expect.objectContaining({ id: ids[1], name: 'b.com' })], totalEntries: 1 });
    expect((await client.get(`${root}/domains?limit=0`)).status).toBe(400);
  });

  it('adds, shows and deletes records, moving the domain’s updated time with the clock', async () => {
    const domain = await createDomain();
    await client.post('/mimic/v1.1/tick', { body: { amount: 90 } });
    const added = await client.post(`${root}/domains/${domain.id}/records`, { body: { records: [{ name: 'api.example.com', type: 'cname', data: 'www.example.com', ttl: 600 }] } });
    expect(added.status).toBe(202);
    const record = added.json.response.records[0];
    expect(record).toMatchObject({ type: 'CNAME', ttl: 600, created: '1970-01-01T00:01:30.000+0000' });
    expect((await client.get(`${root}/domains/${domain.id}/records/${record.id}`)).json).toEqual(record);
    expect((await client.get(`${root}/domains/${domain.id}`)).json.updated).toBe('1970-01-01T00:01:30.000+0000');
    expect((await client.get(`${root}/domains/${domain.id}/records`)).json.totalEntries).toBe(3);

    expect((await client.delete(`${root}/domains/${domain.id}/records/${record.id}`)).status).toBe(202);
    expect((await client.get(`${root}/domains/${domain.id}/records/${record.id}`)).status).toBe(404);
  });

  it('deletes a domain, after which it and its name are gone', async () => {
    const domain = await createDomain();
    const deleted = await client.delete(`${root}/domains/${domain.id}`);
    expect(deleted.json).toMatchObject({ status: 'COMPLETED', verb: 'DELETE' });
    const missing = await client.get(`${root}/domains/${domain.id}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ code: 404, message: 'Object not Found.', details: `Domain ID: ${domain.id} not found` });
    await createDomain(); // the name is free again
  });

  it('keeps each tenant’s domains apart and drops them on reset', async () => {
    await createDomain();
    const other = root.replace(/\/\d+$/, '/999');
    expect((await client.get(`${other}/domains`)).json.totalEntries).toBe(0);
    await client.post('/mimic/v1.0/reset', { body: {} });
    expect((await client.get(`${root}/domains`)).json.totalEntries).toBe(0);
  });

  describe('bad input answers 4xx in Cloud DNS’s shape', () => {
    it('rejects malformed and empty bodies', async () => {
      const malformed = await client.post(`${root}/domains`, { raw: '{"domains": [', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(400);
      expect(malformed.json).toEqual({ code: 400, message: 'Bad Request', details: 'Invalid JSON request body' });
      expect((await client.post(`${root}/domains`)).json.details).toBe('A JSON request body is required');
    });

    it.each([
      [{ domains: [] }, 'the body must be {"domains": [ ... ]} with at least one item'],
      [{ domains: null }, 'the body must be {"domains": [ ... ]} with at least one item'],
      [[1], 'the body must be {"domains": [ ... ]} with at least one item'],
      [{ domains: [null] }, 'domains[0] must be an object with name and emailAddress'],
      [{ domains: [{ name: 42, emailAddress: 'a@b.c' }] }, 'domains[0].name must be a domain name such as example.com'],
      [{ domains: [{ name: 'x.com', emailAddress: ['a@b.c'] }] }, 'domains[0].emailAddress must be an email address'],
      [{ domains: [{ name: 'x.com', emailAddress: 'a@b.c', ttl: 5 }] }, 'domains[0].ttl must be an integer of at least 300 seconds'],
      [{ domains: [{ name: 'x.com', emailAddress: 'a@b.c', comment: {} }] }, 'domains[0].comment must be a string'],
      [{ domains: [{ name: 'x.com', emailAddress: 'a@b.c', recordsList: { records: [{ name: 'y.org', type: 'A', data: '1.2.3.4' }] } }] }, 'domains[0].recordsList.records[0].name must be x.com or a name under it'],
      [{ domains: [{ name: 'x.com', emailAddress: 'a@b.c', recordsList: { records: [{ name: 'x.com', type: 'MX', data: 'm.x.com' }] } }] }, 'domains[0].recordsList.records[0].priority must be an integer from 0 to 65535 for MX records'],
      [{ domains: [{ name: 'x.com', emailAddress: 'a@b.c', recordsList: { records: [{ name: 'x.com', type: 'SOA', data: 1 }] } }] }, 'domains[0].recordsList.records[0].type must be one of A, AAAA, CNAME, MX, NS, TXT, SRV'],
    ])('%j', async (body, message) => {
      const response = await client.post(`${root}/domains`, { body });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: 400, message: 'Validation failed.' });
      expect(response.json.validationErrors.messages).toContain(message);
      expect((await client.get(`${root}/domains`)).json.totalEntries).toBe(0);
    });

    it('refuses a duplicate domain with 409 and unknown ids with 404', async () => {
      const domain = await createDomain();
      const again = await client.post(`${root}/domains`, { body: { domains: [{ ...exampleDomain, recordsList: undefined }] } });
      expect(again.status).toBe(409);
      expect(again.json).toEqual({ code: 409, message: 'Conflict', details: 'Domain already exists: example.com' });
      expect((await client.get(`${root}/domains/12345678901234567890`)).status).toBe(404);
      expect((await client.get(`${root}/domains/${domain.id}/records/A-1`)).status).toBe(404);
      expect((await client.delete(`${root}/domains/${domain.id}/records/nope`)).status).toBe(404);
      expect((await client.get(`${root}/status/nope`)).json.details).toBe('Job ID: nope not found');
      expect((await client.post(`${root}/domains/${domain.id}/records`, { body: { records: 'A' } })).status).toBe(400);
    });
  });
});
