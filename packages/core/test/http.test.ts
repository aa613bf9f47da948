import { createMimic, testClient, type Mimic, type TestClient } from '@mimic/core';
import { queues } from './fixtures/queues-plugin';

describe('HTTP conventions', () => {
  let mimic: Mimic;
  let client: TestClient;
  let queuesUrl: string;
  beforeAll(async () => {
    mimic = await createMimic({ plugins: [queues()] });
    client = testClient(mimic);
    queuesUrl = `/mimicking/${mimic.app.catalog.get('cloudQueues')!.id}/ORD/v1/123/queues`;
  });
  afterAll(() => mimic.close());

  it('unknown routes answer 404 JSON', async () => {
    for (const path of ['/nope', '/mimicking/NoSuchApi-000000/ORD/v1/1/queues', '/mimic/v1.1']) {
      const res = await client.get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.json.itemNotFound.code).toBe(404);
    }
  });

  it('a wrong method on a known route answers 405 JSON', async () => {
    const res = await client.delete('/mimic/v1.1/tick');
    expect(res.status).toBe(405);
    expect(res.json.badMethod.code).toBe(405);
    expect((await client.post(queuesUrl)).status).toBe(405);
  });

  it('a method the router has never heard of answers 405 JSON, not 5xx', async () => {
    for (const method of ['PROPFIND', 'MKCOL', 'PURGE']) {
      const res = await client.request(method, '/anything');
      expect(res.status).toBe(405);
      expect(res.json.badMethod.code).toBe(405);
    }
    expect((await client.request('PROPFIND', queuesUrl)).status).toBe(405);
  });

  it('trailing slashes make no difference', async () => {
    expect((await client.get(`${queuesUrl}/`)).status).toBe(200);
    expect((await client.get('/mimic/v1.0/presets/')).status).toBe(200);
  });

  it('any region string is served with its own state', async () => {
    expect((await client.put(`${queuesUrl.replace('/ORD/', '/XYZ/')}/only-here`)).status).toBe(201);
    expect((await client.get(queuesUrl.replace('/ORD/', '/XYZ/'))).json.queues).toHaveLength(1);
    expect((await client.get(queuesUrl)).json.queues).toHaveLength(0);
  });

  it('a body over 1 MiB answers 413 JSON and the server keeps answering', async () => {
    const res = await client.put(`${queuesUrl}/big`, { raw: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(res.status).toBe(413);
    expect(res.json.overLimit.code).toBe(413);
    expect((await client.get('/')).status).toBe(200);
  });

  it('__proto__ keys in a body never pollute prototypes', async () => {
    const res = await client.put(`${queuesUrl}/proto`, { raw: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"bad": 1}}}' });
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('a handler error that is not HttpError is a 500 JSON, logged', async () => {
    const logged: unknown[] = [];
    const failing = await createMimic({
      logger: { debug() {}, info() {}, warn() {}, error: (obj) => logged.push(obj) },
      plugins: [
        {
          name: 'broken',
          core: '^0.1.0',
          setup(ctx) {
            ctx.router.get('/boom', () => {
              throw new Error('bug');
            });
          },
        },
      ],
    });
    try {
      const res = await testClient(failing).get('/boom');
      expect(res.status).toBe(500);
      expect(res.json.computeFault.code).toBe(500);
      expect(logged).toHaveLength(1);
      expect((await testClient(failing).get('/')).status).toBe(200);
    } finally {
      await failing.close();
    }
  });
});
