import { createServer, startCompute, type ComputeHarness } from './support';

describe('control attributes API (compute.md §12)', () => {
  let h: ComputeHarness;
  beforeEach(async () => (h = await startCompute()));
  afterEach(() => h.mimic.close());

  const status = async (id: string) => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server;

  it('sets statuses: 201 empty, each a status update', async () => {
    const a = await createServer(h);
    const b = await createServer(h);
    await h.tick(4);
    const res = await h.client.post(`${h.controlUrl()}/attributes/`, { body: { status: { [a]: 'ERROR', [b]: 'BUILD' } } });
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect(await status(a)).toMatchObject({ status: 'ERROR', updated: '1970-01-01T00:00:04.000000Z' });
    expect((await status(b)).status).toBe('BUILD');
  });

  it('any unknown or deleted id → 400 and nothing changes', async () => {
    const a = await createServer(h);
    const gone = await createServer(h);
    await h.client.delete(`${h.novaUrl()}/servers/${gone}`);
    for (const bad of ['nope', gone]) {
      const res = await h.client.post(`${h.controlUrl()}/attributes`, { body: { status: { [a]: 'ERROR', [bad]: 'ERROR' } } });
      expect(res.status).toBe(400);
      expect(res.json.badRequest.code).toBe(400);
    }
    expect((await status(a)).status).toBe('ACTIVE');
  });

  it.each([['not JSON', { raw: '{' }], ['no status', { body: {} }], ['status a list', { body: { status: [] } }]])(
    '%s → 400 (the original answered 500)',
    async (_label, request) => {
      expect((await h.client.post(`${h.controlUrl()}/attributes`, request)).status).toBe(400);
    },
  );
});
