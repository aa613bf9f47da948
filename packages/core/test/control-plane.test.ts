import { createMimic, testClient, WELCOME, type Mimic, type TestClient } from '@mimic/core';
import { queues } from './fixtures/queues-plugin';

describe('control plane', () => {
  let mimic: Mimic;
  let client: TestClient;
  beforeEach(async () => {
    mimic = await createMimic({ plugins: [queues()] });
    client = testClient(mimic);
  });
  afterEach(() => mimic.close());

  it('GET / answers the welcome text as text/plain', async () => {
    const res = await client.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toBe('To get started with Mimic, POST an authentication request to:\n\n/identity/v2.0/tokens\n');
    expect(res.text).toBe(WELCOME);
  });

  it('tick advances the clock and echoes the amount', async () => {
    const res = await client.post('/mimic/v1.1/tick', { body: { amount: 3.6 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ advanced: 3.6, now: '1970-01-01T00:00:03.600000Z' });
    const again = await client.post('/mimic/v1.1/tick/', { body: { amount: 100 } });
    expect(again.json).toEqual({ advanced: 100, now: '1970-01-01T00:01:43.600000Z' });
    expect(mimic.clock.now()).toBeCloseTo(103.6);
  });

  it.each([
    ['a negative amount', { body: { amount: -5 } }],
    ['a missing amount', { body: {} }],
    ['a string amount', { body: { amount: '5' } }],
    ['a null amount', { body: { amount: null } }],
    ['a list body', { body: [1] }],
    ['malformed JSON', { raw: '{"amount": ' }],
    ['an empty body', {}],
  ])('tick refuses %s with a 400 JSON body and leaves time alone', async (_label, request) => {
    await client.post('/mimic/v1.1/tick', { body: { amount: 1 } });
    const res = await client.post('/mimic/v1.1/tick', request);
    expect(res.status).toBe(400);
    expect(res.json.badRequest.code).toBe(400);
    expect(typeof res.json.badRequest.message).toBe('string');
    expect(mimic.clock.now()).toBe(1);
  });

  it('presets merge every plugin section', async () => {
    const res = await client.get('/mimic/v1.0/presets');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ queues: { max_queues: 100 } });
  });

  it('health answers ok with the plugin list', async () => {
    const res = await client.get('/mimic/v1.0/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', plugins: ['example-queues'], now: '1970-01-01T00:00:00.000000Z' });
  });

  it('reset drops sessions and plugin state; the clock stays unless asked', async () => {
    const id = mimic.app.catalog.get('cloudQueues')!.id;
    const queuesUrl = `/mimicking/${id}/ORD/v1/123/queues`;
    expect((await client.put(`${queuesUrl}/jobs`)).status).toBe(201);
    await client.post('/mimic/v1.1/tick', { body: { amount: 50 } });
    const reset = await client.post('/mimic/v1.0/reset');
    expect(reset.status).toBe(200);
    expect(reset.json).toEqual({ reset: true, clock: false, now: '1970-01-01T00:00:50.000000Z' });
    expect((await client.get(queuesUrl)).json).toEqual({ queues: [] });
    const resetClock = await client.post('/mimic/v1.0/reset', { body: { clock: true } });
    expect(resetClock.json.now).toBe('1970-01-01T00:00:00.000000Z');
    expect(mimic.clock.now()).toBe(0);
  });

  it('reset cancels pending clock callbacks', async () => {
    let ran = false;
    mimic.clock.schedule(5, () => (ran = true));
    await client.post('/mimic/v1.0/reset');
    await client.post('/mimic/v1.1/tick', { body: { amount: 10 } });
    expect(ran).toBe(false);
  });

  it('reset refuses a malformed body', async () => {
    expect((await client.post('/mimic/v1.0/reset', { raw: 'nope' })).status).toBe(400);
    expect((await client.post('/mimic/v1.0/reset', { body: { clock: 'yes' } })).status).toBe(400);
  });
});
