import { createServer, serverBody, startCompute, type ComputeHarness } from './support';

describe('creation behaviours: metadata keys and the behaviour API (compute.md §3, §8, §12)', () => {
  let h: ComputeHarness;
  beforeEach(async () => (h = await startCompute()));
  afterEach(() => h.mimic.close());

  const status = async (id: string) => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server?.status;
  const list = async () => (await h.client.get(`${h.novaUrl()}/servers`)).json.servers;
  const register = (body: unknown) => h.client.post(`${h.controlUrl()}/behaviors/creation`, { body });

  it('create_server_failure fails with its code, type and message, and creates nothing', async () => {
    const failure = JSON.stringify({ message: 'boom', code: 503, type: 'specialType' });
    const res = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ metadata: { create_server_failure: failure } }) });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ specialType: { message: 'boom', code: 503 } });
    expect(await list()).toEqual([]);
  });

  it('create_server_failure defaults to a 500 computeFault', async () => {
    const res = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ metadata: { create_server_failure: '{}' } }) });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ computeFault: { message: 'The server has either erred or is incapable of performing the requested operation', code: 500 } });
  });

  it('create_server_failure with type "string" answers the bare message', async () => {
    const res = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ metadata: { create_server_failure: '{"type": "string", "message": "raw text", "code": 502}' } }) });
    expect(res.status).toBe(502);
    expect(res.text).toBe('raw text');
    // The one answer that is not JSON (core.md §1) does not claim to be.
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('server_building "30" (a string) reads BUILD until the clock moves 30 s', async () => {
    const id = await createServer(h, { metadata: { server_building: '30' } });
    expect(await status(id)).toBe('BUILD');
    await h.tick(29.9);
    expect(await status(id)).toBe('BUILD');
    await h.tick(0.1);
    expect(await status(id)).toBe('ACTIVE');
  });

  it('a transition fired by a longer tick stamps updated with the final now', async () => {
    const id = await createServer(h, { metadata: { server_building: '1' } });
    await h.tick(10);
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server.updated).toBe('1970-01-01T00:00:10.000000Z');
  });

  it('server_error creates the server in ERROR', async () => {
    const id = await createServer(h, { metadata: { server_error: 'yes' } });
    expect(await status(id)).toBe('ERROR');
  });

  it('metadata keys win over the registry', async () => {
    await register({ name: 'error', parameters: {}, criteria: [] });
    const id = await createServer(h, { metadata: { server_building: '5' } });
    expect(await status(id)).toBe('BUILD');
  });

  it('fail by server_name: matching names fail, others are created', async () => {
    const reg = await register({ name: 'fail', parameters: { message: 'Create server failure', code: 500 }, criteria: [{ server_name: 'failing_server_name' }] });
    expect(reg.status).toBe(201);
    const failed = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ name: 'failing_server_name' }) });
    expect(failed.status).toBe(500);
    expect(failed.json).toEqual({ computeFault: { message: 'Create server failure', code: 500 } });
    expect((await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ name: 'fine' }) })).status).toBe(202);
    expect((await list()).map((s: { name: string }) => s.name)).toEqual(['fine']);
  });

  it('false-negative creates the server and still answers the failure', async () => {
    await register({ name: 'false-negative', parameters: { code: 500, message: 'lied' }, criteria: [] });
    const res = await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ name: 'ghost' }) });
    expect(res.status).toBe(500);
    expect((await list()).map((s: { name: string }) => s.name)).toEqual(['ghost']);
  });

  it('build with a duration: every server starts in BUILD', async () => {
    await register({ name: 'build', parameters: { duration: 4.0 }, criteria: [] });
    const id = await createServer(h);
    expect(await status(id)).toBe('BUILD');
    await h.tick(4);
    expect(await status(id)).toBe('ACTIVE');
  });

  it('active-then-error turns ACTIVE into ERROR after the duration', async () => {
    await register({ name: 'active-then-error', parameters: { duration: 7 }, criteria: [] });
    const id = await createServer(h);
    expect(await status(id)).toBe('ACTIVE');
    await h.tick(7);
    expect(await status(id)).toBe('ERROR');
  });

  it('metadata criteria: every key must match; a missing key matches as ""', async () => {
    await register({ name: 'error', parameters: {}, criteria: [{ metadata: { role: 'db', zone: '' } }] });
    expect(await status(await createServer(h, { metadata: { role: 'dbmaster' } }))).toBe('ERROR');
    expect(await status(await createServer(h, { metadata: { role: 'web' } }))).toBe('ACTIVE');
  });

  it('sequence cycles through its behaviours and wraps round', async () => {
    await register({
      name: 'sequence',
      parameters: { behaviors: [{ name: 'fail', parameters: { code: 409 } }, { name: 'default' }] },
      criteria: [{ server_name: 'seq' }],
    });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await h.client.post(`${h.novaUrl()}/servers`, { body: serverBody({ name: 'seq' }) })).status);
    expect(codes).toEqual([409, 202, 409, 202]);
  });

  it('behaviours are per tenant+region, and deleting one restores the default', async () => {
    const reg = await register({ name: 'error', parameters: {}, criteria: [] });
    expect(await status(await createServer(h, {}, '123456', 'ORD'))).toBe('ERROR');
    const other = await createServer(h, {}, '123456', 'DFW');
    expect((await h.client.get(`${h.novaUrl('123456', 'DFW')}/servers/${other}`)).json.server.status).toBe('ACTIVE');
    expect((await h.client.delete(`${h.controlUrl()}/behaviors/creation/${reg.json.id}`)).status).toBe(204);
    expect(await status(await createServer(h))).toBe('ACTIVE');
    expect((await h.client.delete(`${h.controlUrl()}/behaviors/creation/${reg.json.id}`)).status).toBe(404);
  });

  it.each([
    ['build without duration', { name: 'build', parameters: {}, criteria: [] }],
    ['an unknown behaviour', { name: 'explode', parameters: {}, criteria: [] }],
    ['an unknown criterion', { name: 'error', parameters: {}, criteria: [{ flavor: 'x' }] }],
    ['a fail code that is not a status', { name: 'fail', parameters: { code: 'x' }, criteria: [] }],
    ['missing criteria', { name: 'error', parameters: {} }],
  ])('registration with %s → 400 JSON', async (_label, body) => {
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(res.json.badRequest.code).toBe(400);
  });
});

describe('delete_server_failure (issue override 2)', () => {
  let h: ComputeHarness;
  beforeEach(async () => (h = await startCompute()));
  afterEach(() => h.mimic.close());

  it('answers the given code N times with a Nova-style body, counting down in metadata, then deletes', async () => {
    const id = await createServer(h, { metadata: { delete_server_failure: '{"code": 503, "times": 2}' } });
    for (const remaining of [1, 0]) {
      const res = await h.client.delete(`${h.novaUrl()}/servers/${id}`);
      expect(res.status).toBe(503);
      expect(res.json.serviceUnavailable.code).toBe(503);
      const { server } = (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json;
      // Written back as the original's json.dumps writes it.
      expect(server.metadata.delete_server_failure).toBe(`{"code": 503, "times": ${remaining}}`);
    }
    expect((await h.client.delete(`${h.novaUrl()}/servers/${id}`)).status).toBe(204);
  });

  it('defaults the code to 500', async () => {
    const id = await createServer(h, { metadata: { delete_server_failure: '{"times": 1}' } });
    const res = await h.client.delete(`${h.novaUrl()}/servers/${id}`);
    expect(res.status).toBe(500);
    expect(res.json.computeFault.code).toBe(500);
    // The settings are kept as given: no code is added.
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server.metadata.delete_server_failure).toBe('{"times": 0}');
  });
});

describe('deleted servers never come back (issue override 4)', () => {
  it('cancels a pending build when the server is deleted', async () => {
    const h = await startCompute();
    try {
      const id = await createServer(h, { metadata: { server_building: '10' } });
      expect((await h.client.delete(`${h.novaUrl()}/servers/${id}`)).status).toBe(204);
      await h.tick(20);
      expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).status).toBe(404);
      const detail = await h.client.get(`${h.novaUrl()}/servers/detail?changes-since=1970-01-01T00:00:00Z`);
      expect(detail.json.servers[0].status).toBe('DELETED');
    } finally {
      await h.mimic.close();
    }
  });
});
