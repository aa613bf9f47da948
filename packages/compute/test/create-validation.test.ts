import { createServer, serverBody, startCompute, type ComputeHarness } from './support';

describe('create validation (compute.md §3; 500s of the original answer 400)', () => {
  let h: ComputeHarness;
  beforeAll(async () => (h = await startCompute()));
  afterAll(() => h.mimic.close());

  const create = (body: unknown, raw?: string) => h.client.post(`${h.novaUrl('validation')}/servers`, raw === undefined ? { body } : { raw });

  it.each([
    ['not JSON', undefined, '{', 'Invalid JSON request body'],
    ['an empty body', undefined, '', 'Invalid JSON request body'],
  ])('%s → 400', async (_label, body, raw, message) => {
    const res = await create(body, raw);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ badRequest: { message, code: 400 } });
  });

  it.each([
    ['no server', {}],
    ['server not an object', { server: [] }],
    ['server null', { server: null }],
    ['a list body', [1, 2]],
    ['no name', { server: { imageRef: 'i', flavorRef: 'f' } }],
    ['a numeric name', { server: { name: 5, imageRef: 'i', flavorRef: 'f' } }],
    ['no imageRef', { server: { name: 'n', flavorRef: 'f' } }],
    ['no flavorRef', { server: { name: 'n', imageRef: 'i' } }],
    ['an object imageRef', { server: { name: 'n', imageRef: {}, flavorRef: 'f' } }],
    ['a key_name number', serverBody({ key_name: 7 })],
    ['a bad diskConfig', serverBody({ 'OS-DCF:diskConfig': 'SOMETIMES' })],
    ['metadata a list', serverBody({ metadata: ['a'] })],
    ['metadata a string', serverBody({ metadata: 'x' })],
    ['a non-string metadata value', serverBody({ metadata: { a: 1 } })],
    ['create_server_failure not JSON', serverBody({ metadata: { create_server_failure: 'boom' } })],
    ['create_server_failure a JSON list', serverBody({ metadata: { create_server_failure: '[1]' } })],
    ['server_building not a number', serverBody({ metadata: { server_building: 'soon' } })],
  ])('%s → 400 badRequest, nothing created', async (_label, body) => {
    const before = (await h.client.get(`${h.novaUrl('validation')}/servers`)).json.servers.length;
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.json.badRequest.code).toBe(400);
    expect(typeof res.json.badRequest.message).toBe('string');
    expect((await h.client.get(`${h.novaUrl('validation')}/servers`)).json.servers).toHaveLength(before);
  });

  it('gives the exact messages of the reference', async () => {
    expect((await create(serverBody({ 'OS-DCF:diskConfig': 'X' }))).json.badRequest.message).toBe("OS-DCF:diskConfig must be either 'MANUAL' or 'AUTO'.");
    expect((await create(serverBody({ metadata: 'x' }))).json.badRequest.message).toBe('Malformed request body');
    expect((await create(serverBody({ metadata: { a: 1 } }))).json.badRequest.message).toBe('Invalid metadata: The input is not a string or unicode');
  });

  it('more than 40 metadata items → 403, checked before value types', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, i]));
    const res = await create(serverBody({ metadata }));
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ forbidden: { message: 'Maximum number of metadata items exceeds 40', code: 403 } });
  });

  it('defaults: diskConfig null or "" → AUTO, metadata null → {}; MANUAL kept; other keys ignored', async () => {
    for (const diskConfig of [null, '']) {
      const res = await create(serverBody({ 'OS-DCF:diskConfig': diskConfig, metadata: null, extra: { x: 1 } }));
      expect(res.status).toBe(202);
      expect(res.json.server['OS-DCF:diskConfig']).toBe('AUTO');
    }
    const manual = await create(serverBody({ 'OS-DCF:diskConfig': 'MANUAL' }));
    expect(manual.json.server['OS-DCF:diskConfig']).toBe('MANUAL');
  });

  it.each(['INVALID-IMAGE-ID', '1111', 'image_ends_with_Z', 'anythingZ'])('imageRef %s → 400 Invalid imageRef provided., nothing created', async (imageRef) => {
    const res = await create(serverBody({ imageRef }));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ badRequest: { message: 'Invalid imageRef provided.', code: 400 } });
  });

  it.each(['INVALID-FLAVOR-ID', '8888', '-4', '1'])('flavorRef %s → 400 Invalid flavorRef provided.', async (flavorRef) => {
    const res = await create(serverBody({ flavorRef }));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ badRequest: { message: 'Invalid flavorRef provided.', code: 400 } });
  });

  it('accepts a numeric flavorRef as its string form', async () => {
    const id = await createServer(h, { flavorRef: 3 }, 'validation');
    expect((await h.client.get(`${h.novaUrl('validation')}/servers/${id}`)).json.server.flavor.id).toBe('3');
  });
});
