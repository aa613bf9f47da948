import { createServer, startCompute, type ComputeHarness } from './support';

describe('server metadata (compute.md §6, plus merge and single-key GET/DELETE)', () => {
  let h: ComputeHarness;
  let id: string;
  let url: string;
  beforeEach(async () => {
    h = await startCompute();
    id = await createServer(h, { metadata: { a: '1' } });
    url = `${h.novaUrl()}/servers/${id}/metadata`;
  });
  afterEach(() => h.mimic.close());

  const updated = async () => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server.updated;

  it('GET answers the metadata', async () => {
    expect((await h.client.get(url)).json).toEqual({ metadata: { a: '1' } });
  });

  it('an unknown server → 404 Server does not exist, before any body check', async () => {
    const res = await h.client.put(`${h.novaUrl()}/servers/nope/metadata`, { raw: 'not json' });
    expect(res.json).toEqual({ itemNotFound: { message: 'Server does not exist', code: 404 } });
  });

  it('PUT replaces the whole set and bumps updated; extra top-level keys are ignored', async () => {
    await h.tick(5);
    const res = await h.client.put(url, { body: { metadata: { b: '2' }, other: 1 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ metadata: { b: '2' } });
    expect((await h.client.get(url)).json).toEqual({ metadata: { b: '2' } });
    expect(await updated()).toBe('1970-01-01T00:00:05.000000Z');
  });

  it.each([
    ['not JSON', { raw: '{' }, 400, 'Malformed request body'],
    ['no metadata key', { body: { meta: {} } }, 400, 'Malformed request body'],
    ['metadata null', { body: { metadata: null } }, 400, 'Malformed request body. metadata must be object'],
    ['metadata a list', { body: { metadata: [] } }, 400, 'Malformed request body'],
    ['a non-string value', { body: { metadata: { a: 1 } } }, 400, 'Invalid metadata: The input is not a string or unicode'],
  ])('PUT with %s → %i', async (_label, request, status, message) => {
    const res = await h.client.put(url, request);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ badRequest: { message, code: status } });
  });

  it('PUT with more than 40 items → 403', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, 'v']));
    expect((await h.client.put(url, { body: { metadata } })).json).toEqual({ forbidden: { message: 'Maximum number of metadata items exceeds 40', code: 403 } });
  });

  it('PUT of one key sets it and bumps updated', async () => {
    await h.tick(3);
    const res = await h.client.put(`${url}/b`, { body: { meta: { b: 'x' } } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ meta: { b: 'x' } });
    expect((await h.client.get(url)).json).toEqual({ metadata: { a: '1', b: 'x' } });
    expect(await updated()).toBe('1970-01-01T00:00:03.000000Z');
  });

  it.each([
    ['not JSON', { raw: 'x' }, 'Malformed request body'],
    ['meta missing', { body: { metadata: { b: '1' } } }, 'Malformed request body'],
    ['meta not an object', { body: { meta: 'b' } }, 'Malformed request body'],
    ['two keys', { body: { meta: { b: '1', c: '2' } } }, 'Request body contains too many items'],
    ['another key', { body: { meta: { c: '1' } } }, 'Request body and URI mismatch'],
    ['a non-string value', { body: { meta: { b: 2 } } }, 'Invalid metadata: The input is not a string or unicode'],
  ])('PUT of one key with %s → 400', async (_label, request, message) => {
    expect((await h.client.put(`${url}/b`, request)).json).toEqual({ badRequest: { message, code: 400 } });
  });

  it('PUT of a new key when 40 exist → 403; replacing an existing key is fine', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v']));
    await h.client.put(url, { body: { metadata } });
    expect((await h.client.put(`${url}/new`, { body: { meta: { new: 'v' } } })).status).toBe(403);
    expect((await h.client.put(`${url}/k1`, { body: { meta: { k1: 'w' } } })).status).toBe(200);
  });

  it('POST merges (openstacksdk) and refuses a merge past 40 items', async () => {
    const res = await h.client.post(url, { body: { metadata: { b: '2', a: 'changed' } } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ metadata: { a: 'changed', b: '2' } });
    const many = Object.fromEntries(Array.from({ length: 39 }, (_, i) => [`k${i}`, 'v']));
    expect((await h.client.post(url, { body: { metadata: many } })).status).toBe(403);
    expect((await h.client.get(url)).json.metadata).toEqual({ a: 'changed', b: '2' });
  });

  it('GET and DELETE of one key', async () => {
    expect((await h.client.get(`${url}/a`)).json).toEqual({ meta: { a: '1' } });
    expect((await h.client.get(`${url}/zz`)).status).toBe(404);
    const del = await h.client.delete(`${url}/a`);
    expect(del.status).toBe(204);
    expect((await h.client.get(url)).json).toEqual({ metadata: {} });
    expect((await h.client.delete(`${url}/a`)).json.itemNotFound.code).toBe(404);
  });
});
