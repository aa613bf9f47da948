import { BAD_JSON, LB404, SCHEMA, startClb, validation, type ClbHarness } from './support';

let h: ClbHarness;
beforeEach(async () => {
  h = await startClb();
});
afterEach(async () => {
  await h.mimic.close();
});

const FULL_KEYS = [
  'name', 'id', 'protocol', 'port', 'algorithm', 'status', 'cluster', 'timeout', 'created', 'updated',
  'virtualIps', 'sourceAddresses', 'httpsRedirect', 'halfClosed', 'connectionLogging', 'contentCaching',
];

describe('catalog and presets', () => {
  test('cloudLoadBalancers comes before cloudLoadBalancerControl, both rax:load-balancer in ORD with v2', async () => {
    const entries = h.mimic.app.catalog.build('t1', 'http://x/');
    const names = entries.map((e) => e.name);
    expect(names).toEqual(['cloudLoadBalancers', 'cloudLoadBalancerControl']);
    expect(entries.every((e) => e.type === 'rax:load-balancer')).toBe(true);
    expect(entries[0].endpoints[0].publicURL).toMatch(/^http:\/\/x\/mimicking\/LoadBalancerApi-[0-9a-f]{6}\/ORD\/v2\/t1$/);
    expect(entries[1].endpoints[0].publicURL).toMatch(/^http:\/\/x\/mimicking\/LoadBalancerControlApi-[0-9a-f]{6}\/ORD\/v2\/t1$/);
  });

  test('presets carry the loadbalancers section verbatim', async () => {
    const presets = await h.http.get('/mimic/v1.0/presets');
    expect(presets.json.loadbalancers).toEqual({
      lb_building: 'On create load balancer, keeps the load balancer in building state for given seconds',
      lb_error_state: 'Puts the LB in error state, and such an LB can onlybe deleted',
      lb_pending_update:
        'Changes the load balancer to PENDING-UPDATEstate for the given number of seconds, any actionother than delete is performed on the server',
      lb_pending_delete: 'Changes the load balancer to PENDING-DELETEstate for the given seconds, when deleted',
    });
  });
});

describe('create', () => {
  test('202 with the full form, defaults and canned fields; no nodes, metadata or nodeCount', async () => {
    const r = await h.http.post(h.lbs, { body: { loadBalancer: { name: 'lb1', protocol: 'HTTP', virtualIps: [{ type: 'PUBLIC' }] } } });
    expect(r.status).toBe(202);
    const lb = r.json.loadBalancer;
    expect(Object.keys(lb)).toEqual(FULL_KEYS);
    expect(lb).toMatchObject({
      name: 'lb1', protocol: 'HTTP', port: 80, algorithm: 'RANDOM', status: 'ACTIVE', timeout: 30,
      cluster: { name: 'test-cluster' }, httpsRedirect: false, halfClosed: false,
      connectionLogging: { enabled: false }, contentCaching: { enabled: false },
      created: { time: '1970-01-01T00:00:00.000000Z' }, updated: { time: '1970-01-01T00:00:00.000000Z' },
      sourceAddresses: { ipv6Public: '0000:0001:0002::00/00', ipv4Servicenet: '127.0.0.1', ipv4Public: '127.0.0.1' },
    });
    expect(lb.virtualIps).toEqual([
      { address: '127.0.0.1', id: 1111, type: 'PUBLIC', ipVersion: 'IPV4' },
      { address: '0000:0000:0000:0000:1111:111b:0000:0000', id: 1111, type: 'PUBLIC', ipVersion: 'IPV6' },
    ]);
    expect(Number.isInteger(lb.id) && lb.id >= 0 && lb.id < 99999).toBe(true);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
  });

  test('echoes the given attributes, nodes ONLINE, metadata with ids', async () => {
    await h.tick(3);
    const r = await h.http.post(h.lbs, {
      body: {
        loadBalancer: {
          name: 'web', protocol: 'HTTPS', port: 443, algorithm: 'ROUND_ROBIN', timeout: 60, httpsRedirect: true, halfClosed: true,
          connectionLogging: { enabled: true }, accessList: [{ address: '1.2.3.4', type: 'DENY' }],
          nodes: [{ address: '10.0.0.1', port: '8080', condition: 'ENABLED' }, { address: '10.0.0.2', port: 80, condition: 'DRAINING', type: 'SECONDARY', weight: 7, id: 42 }],
          metadata: [{ key: 'owner', value: 'me' }],
        },
      },
    });
    expect(r.status).toBe(202);
    const lb = r.json.loadBalancer;
    expect(lb).toMatchObject({ name: 'web', protocol: 'HTTPS', port: 443, algorithm: 'ROUND_ROBIN', timeout: 60, httpsRedirect: true, halfClosed: true, connectionLogging: { enabled: true } });
    expect(lb.created.time).toBe('1970-01-01T00:00:03.000000Z');
    expect(lb.accessList).toBeUndefined();
    expect(lb.nodes).toHaveLength(2);
    expect(lb.nodes[0]).toEqual({ address: '10.0.0.1', port: 8080, type: 'PRIMARY', weight: 1, condition: 'ENABLED', id: lb.nodes[0].id, status: 'ONLINE' });
    expect(lb.nodes[1]).toEqual({ address: '10.0.0.2', port: 80, type: 'SECONDARY', weight: 7, condition: 'DRAINING', id: 42, status: 'ONLINE' });
    expect(lb.metadata).toEqual([{ key: 'owner', value: 'me', id: lb.metadata[0].id }]);
    expect(lb.metadata[0].id).toBeGreaterThanOrEqual(0);
    expect(lb.metadata[0].id).toBeLessThan(999);
  });

  test('a trailing slash makes no difference', async () => {
    const r = await h.http.post(`${h.lbs}/`, { body: { loadBalancer: { name: 'slash', protocol: 'HTTP' } } });
    expect(r.status).toBe(202);
    expect((await h.http.delete(`${h.lbs}/${r.json.loadBalancer.id}/`)).status).toBe(202);
  });

  test('an empty algorithm becomes RANDOM', async () => {
    const r = await h.http.post(h.lbs, { body: { loadBalancer: { name: 'a', protocol: 'HTTP', algorithm: '' } } });
    expect(r.json.loadBalancer.algorithm).toBe('RANDOM');
  });

  test('the bare form (pkgcloud) is accepted', async () => {
    const r = await h.http.post(h.lbs, { body: { name: 'bare', protocol: 'HTTP', port: 80, nodes: [], virtualIps: [{ type: 'PUBLIC' }] } });
    expect(r.status).toBe(202);
    expect(r.json.loadBalancer).toMatchObject({ name: 'bare', protocol: 'HTTP', status: 'ACTIVE' });
    expect(r.json.loadBalancer.nodes).toBeUndefined();
  });

  test.each([
    ['empty body', ''],
    ['not JSON', '{nope'],
  ])('%s → BadJSON', async (_what, raw) => {
    const r = await h.http.post(h.lbs, { raw, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual(BAD_JSON);
  });

  test.each([
    ['an array', []],
    ['a number', 5],
    ['null', null],
    ['a wrapper that is not an object', { loadBalancer: 'x' }],
    ['a name that is a number', { loadBalancer: { name: 5, protocol: 'HTTP' } }],
    ['a port that is an object', { loadBalancer: { name: 'a', protocol: 'HTTP', port: { n: 1 } } }],
    ['a port given as a string', { loadBalancer: { name: 'a', protocol: 'HTTP', port: '80' } }],
    ['a timeout that is a float', { loadBalancer: { name: 'a', protocol: 'HTTP', timeout: 1.5 } }],
    ['halfClosed as a string', { loadBalancer: { name: 'a', protocol: 'HTTP', halfClosed: 'yes' } }],
    ['connectionLogging without enabled', { loadBalancer: { name: 'a', protocol: 'HTTP', connectionLogging: {} } }],
    ['nodes that are not a list', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: { address: 'x' } } }],
    ['a node without an address', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: [{ port: 80 }] } }],
    ['a node with a status', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: [{ address: 'a', port: 80, status: 'ONLINE' }] } }],
    ['a node with weight "abc"', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: [{ address: 'a', port: 80, weight: 'abc' }] } }],
    ['a node with a bad condition', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: [{ address: 'a', port: 80, condition: 'ON' }] } }],
    ['metadata that is not a list', { loadBalancer: { name: 'a', protocol: 'HTTP', metadata: { lb_building: 5 } } }],
    ['a metadata item without a key', { loadBalancer: { name: 'a', protocol: 'HTTP', metadata: [{ value: 5 }] } }],
  ])('%s → Schema 400', async (_what, body) => {
    const r = await h.http.post(h.lbs, { body });
    expect(r.status).toBe(400);
    expect(r.json).toEqual(SCHEMA);
  });

  test.each([
    ['a missing loadBalancer (no wrapper, no name)', { foo: 1 }, ['Must provide a name for the load balancer.', 'Must provide a protocol for the load balancer.']],
    ['a missing name', { loadBalancer: { protocol: 'HTTP' } }, ['Must provide a name for the load balancer.']],
    ['a missing protocol', { loadBalancer: { name: 'a' } }, ['Must provide a protocol for the load balancer.']],
    ['an unknown protocol', { loadBalancer: { name: 'a', protocol: 'GOPHER' } }, ["Protocol 'GOPHER' is not supported."]],
    ['a port out of range', { loadBalancer: { name: 'a', protocol: 'HTTP', port: 1e12 } }, ['Port must be between 1 and 65535.']],
    ['a huge timeout', { loadBalancer: { name: 'a', protocol: 'HTTP', timeout: 100000 } }, ['Timeout must be between 1 and 120 seconds.']],
    ['a "1.5" delay', { loadBalancer: { name: 'a', protocol: 'HTTP', metadata: [{ key: 'lb_building', value: '1.5' }] } }, ["Metadata value of 'lb_building' must be a whole number of seconds."]],
    ['a null pending-update delay', { loadBalancer: { name: 'a', protocol: 'HTTP', metadata: [{ key: 'lb_pending_update', value: null }] } }, ["Metadata value of 'lb_pending_update' must be a whole number of seconds."]],
    ['duplicate metadata keys', { loadBalancer: { name: 'a', protocol: 'HTTP', metadata: [{ key: 'k', value: 1 }, { key: 'k', value: 2 }] } }, ["Duplicate metadata key 'k'."]],
    ['a node port out of range', { loadBalancer: { name: 'a', protocol: 'HTTP', nodes: [{ address: 'a', port: 70000 }] } }, ['Port must be between 1 and 65535.']],
  ])('%s → Validation 400', async (_what, body, messages) => {
    const r = await h.http.post(h.lbs, { body });
    expect(r.status).toBe(400);
    expect(r.json).toEqual(validation(...messages));
  });

  test('more than 25 nodes → 413 and nothing is created', async () => {
    const nodes = Array.from({ length: 26 }, (_, i) => ({ address: `10.0.0.${i}`, port: 80 }));
    const r = await h.http.post(h.lbs, { body: { loadBalancer: { name: 'a', protocol: 'HTTP', nodes } } });
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ message: 'Nodes must not exceed 25 per load balancer.', code: 413 });
    expect((await h.http.get(h.lbs)).json).toEqual({ loadBalancers: [] });
  });

  test('metadata values "2", 2.9 and true are delays as Python int() reads them', async () => {
    const ids = [] as number[];
    for (const value of ['2', 2.9, true]) ids.push(await h.createLb({ metadata: [{ key: 'lb_building', value }] }));
    await h.tick(1);
    expect(await h.status(ids[0])).toBe('BUILD');
    expect(await h.status(ids[1])).toBe('BUILD');
    expect(await h.status(ids[2])).toBe('ACTIVE');
    await h.tick(1);
    expect(await h.status(ids[0])).toBe('ACTIVE');
    expect(await h.status(ids[1])).toBe('ACTIVE');
  });
});

describe('list and get', () => {
  test('list is [] when empty, then the short form in creation order with nodeCount', async () => {
    expect((await h.http.get(h.lbs)).json).toEqual({ loadBalancers: [] });
    const a = await h.createLb({ name: 'a', nodes: [{ address: '1.1.1.1', port: 80 }] });
    const b = await h.createLb({ name: 'b' });
    const r = await h.http.get(`${h.lbs}?cache-busting=12345`);
    expect(r.status).toBe(200);
    expect(r.json.loadBalancers.map((lb: { id: number }) => lb.id)).toEqual([a, b]);
    expect(Object.keys(r.json.loadBalancers[0])).toEqual(['name', 'protocol', 'id', 'port', 'algorithm', 'status', 'timeout', 'created', 'virtualIps', 'updated', 'nodeCount']);
    expect(r.json.loadBalancers.map((lb: { nodeCount: number }) => lb.nodeCount)).toEqual([1, 0]);
  });

  test('get answers the full form; unknown and non-integer ids → LB404 JSON', async () => {
    const id = await h.createLb();
    const r = await h.http.get(`${h.lbs}/${id}/?cache-busting=1`);
    expect(r.status).toBe(200);
    expect(r.json.loadBalancer.id).toBe(id);
    for (const bad of [String((id + 1) % 99999), 'abc', '1.5', '-1', '99999999999999999999']) {
      const missing = await h.http.get(`${h.lbs}/${bad}`);
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual(LB404);
    }
  });

  test('state is per tenant and per region', async () => {
    const id = await h.createLb();
    const other = h.lbs.replace('/123456/', '/999/');
    const dfw = h.lbs.replace('/ORD/', '/DFW/');
    expect((await h.http.get(other)).json).toEqual({ loadBalancers: [] });
    expect((await h.http.get(dfw)).json).toEqual({ loadBalancers: [] });
    expect((await h.http.get(`${dfw}/${id}`)).status).toBe(404);
  });

  test('protocols and algorithms are static names, not ids', async () => {
    const protocols = await h.http.get(`${h.lbs}/protocols`);
    expect(protocols.status).toBe(200);
    expect(protocols.json.protocols).toContainEqual({ name: 'HTTP', port: 80 });
    expect(protocols.json.protocols).toContainEqual({ name: 'HTTPS', port: 443 });
    const algorithms = await h.http.get(`${h.lbs}/algorithms?cache-busting=2`);
    expect(algorithms.json.algorithms.map((a: { name: string }) => a.name)).toEqual([
      'LEAST_CONNECTIONS', 'RANDOM', 'ROUND_ROBIN', 'WEIGHTED_LEAST_CONNECTIONS', 'WEIGHTED_ROUND_ROBIN',
    ]);
  });
});

describe('delete', () => {
  test('ACTIVE → exactly 202 with an empty body, then gone', async () => {
    const id = await h.createLb();
    const r = await h.http.delete(`${h.lbs}/${id}`);
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect((await h.lb(id)).json).toEqual(LB404);
    expect((await h.http.delete(`${h.lbs}/${id}`)).json).toEqual(LB404);
  });

  test('BUILD cannot be deleted (Immutable, a departure from the original 404)', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_building', value: 30 }] });
    const r = await h.http.delete(`${h.lbs}/${id}`);
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ message: `Load Balancer '${id}' has a status of 'BUILD' and is considered immutable.`, code: 422 });
  });
});

describe('update (beyond the original)', () => {
  test('wrapped and bare bodies change the attributes; 202 empty', async () => {
    const id = await h.createLb();
    const r = await h.http.put(`${h.lbs}/${id}`, { body: { loadBalancer: { name: 'renamed', algorithm: 'ROUND_ROBIN', protocol: 'HTTPS', port: 443, timeout: 90, halfClosed: true, httpsRedirect: true } } });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    const bare = await h.http.put(`${h.lbs}/${id}`, { body: { name: 'again' } });
    expect(bare.status).toBe(202);
    expect((await h.lb(id)).json.loadBalancer).toMatchObject({ name: 'again', algorithm: 'ROUND_ROBIN', protocol: 'HTTPS', port: 443, timeout: 90, halfClosed: true, httpsRedirect: true, status: 'ACTIVE' });
  });

  test.each([
    ['BadJSON', { raw: 'nope' }, 400, BAD_JSON],
    ['no attributes', { body: { loadBalancer: {} } }, 400, validation('Must provide at least one attribute to update.')],
    ['an attribute that cannot be updated', { body: { loadBalancer: { nodes: [] } } }, 400, validation("Attribute 'nodes' can not be updated with this request.")],
    ['an unknown algorithm', { body: { algorithm: 'FASTEST' } }, 400, validation("Algorithm 'FASTEST' is not supported.")],
    ['several broken rules', { body: { name: '', port: 0, timeout: 0 } }, 400, validation('Load balancer name must be 1 to 128 characters long.', 'Port must be between 1 and 65535.', 'Timeout must be between 1 and 120 seconds.')],
    ['a port that is an object', { body: { port: {} } }, 400, SCHEMA],
    ['an array body', { body: [] }, 400, SCHEMA],
  ])('%s → 400', async (_what, request, status, body) => {
    const id = await h.createLb();
    const r = await h.http.put(`${h.lbs}/${id}`, request as never);
    expect(r.status).toBe(status);
    expect(r.json).toEqual(body);
    expect((await h.lb(id)).json.loadBalancer.name).toBe('lb1');
  });

  test('unknown LB → LB404', async () => {
    expect((await h.http.put(`${h.lbs}/1`, { body: { name: 'x' } })).json).toEqual(LB404);
  });
});
