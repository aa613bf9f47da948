import fc from 'fast-check';
import { startClb, node, type ClbHarness } from './support';

let h: ClbHarness;
beforeAll(async () => {
  h = await startClb();
});
afterAll(async () => {
  await h.mimic.close();
});

describe('bad input never gives a 5xx', () => {
  test('arbitrary JSON bodies on every writing endpoint answer 2xx or 4xx with a body', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1', 80, { id: 1 })] });
    const targets: [string, string][] = [
      ['POST', h.lbs],
      ['PUT', `${h.lbs}/${id}`],
      ['POST', `${h.lbs}/${id}/nodes`],
      ['PUT', `${h.lbs}/${id}/nodes/1`],
      ['PUT', `${h.lbs}/${id}/healthmonitor`],
      ['PUT', `${h.lbs}/${id}/connectionthrottle`],
      ['PUT', `${h.lbs}/${id}/sessionpersistence`],
      ['PUT', `${h.lbs}/${id}/connectionlogging`],
      ['PUT', `${h.lbs}/${id}/contentcaching`],
      ['PUT', `${h.lbs}/${id}/errorpage`],
      ['POST', `${h.lbs}/${id}/accesslist`],
      ['POST', `${h.lbs}/${id}/metadata`],
      ['PATCH', `${h.ctl}/loadbalancer/${id}/attributes`],
      ['PUT', `${h.ctl}/loadbalancers/${id}/nodes/1/status`],
    ];
    const field = fc.oneof(fc.constantFrom('name', 'protocol', 'port', 'nodes', 'metadata', 'node', 'loadBalancer', 'address', 'weight', 'status', 'id', 'key', 'value', 'accessList', 'enabled'), fc.string());
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(field, fc.jsonValue()),
      fc.record({ loadBalancer: fc.dictionary(field, fc.jsonValue()) }),
      fc.record({ nodes: fc.array(fc.dictionary(field, fc.jsonValue())) }),
      fc.record({ node: fc.dictionary(field, fc.jsonValue()) }),
      fc.record({ metadata: fc.array(fc.dictionary(field, fc.jsonValue())) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async ([method, path], value) => {
        const r = await h.http.request(method, path, { body: value });
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(r.json ?? r.text).toBeTruthy();
        // Whatever was accepted, the LB stays readable.
        await h.http.patch(`${h.ctl}/loadbalancer/${id}/attributes`, { body: { status: 'ACTIVE' } });
      }),
      { numRuns: 300 },
    );
    expect((await h.http.get(h.lbs)).status).toBe(200);
  });

  test.each([
    ['GET', 'abc'], ['GET', '1e3'], ['GET', '%20'], ['DELETE', 'x'], ['GET', 'x/nodes'], ['GET', 'x/nodes/y'], ['GET', 'x/nodes/y.atom'],
    ['DELETE', '1/nodes?id=%00'], ['GET', '1/healthmonitor'], ['PUT', '99999999999999999999'],
  ])('%s loadbalancers/%s → 4xx', async (method, suffix) => {
    const r = await h.http.request(method, `${h.lbs}/${suffix}`, method === 'GET' ? {} : { body: {} });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  test('huge values answer 400 or 413', async () => {
    const big = 'x'.repeat(500_000);
    expect((await h.http.post(h.lbs, { body: { loadBalancer: { name: big, protocol: 'HTTP' } } })).status).toBe(400);
    expect((await h.http.post(h.lbs, { raw: '{"loadBalancer": {"name": "a", "protocol": "HTTP", "port": 1e400}}' })).status).toBe(400);
    expect((await h.http.post(h.lbs, { body: { name: 'a', protocol: 'HTTP', nodes: [{ address: 'a', port: 80, weight: 1e300 }] } })).status).toBe(400);
    expect((await h.http.post(h.lbs, { raw: '{"a": "' + 'y'.repeat(1_100_000) + '"}' })).status).toBe(413);
  });
});
