import { BAD_JSON, immutable, LB404, NODE404, SCHEMA, node, startClb, validation, type ClbHarness } from './support';

let h: ClbHarness;
beforeEach(async () => {
  h = await startClb();
});
afterEach(async () => {
  await h.mimic.close();
});

const nodesOf = (id: number) => `${h.lbs}/${id}/nodes`;

async function addNodes(id: number, nodes: unknown[]) {
  return h.http.post(nodesOf(id), { body: { nodes } });
}

describe('list and get', () => {
  test('list in insertion order; get one; unknown node → Node404; unknown LB → LB404', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1'), node('10.0.0.2')] });
    const added = (await addNodes(id, [node('10.0.0.3')])).json.nodes[0];
    const list = await h.http.get(`${nodesOf(id)}?cache-busting=9`);
    expect(list.status).toBe(200);
    expect(list.json.nodes.map((n: { address: string }) => n.address)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    const one = await h.http.get(`${nodesOf(id)}/${added.id}`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ node: added });
    expect((await h.http.get(`${nodesOf(id)}/${added.id + 1}`)).json).toEqual(NODE404);
    expect((await h.http.get(`${nodesOf(id)}/abc`)).json).toEqual(NODE404);
    expect((await h.http.get(`${h.lbs}/4/nodes`)).json).toEqual(LB404);
    expect((await h.http.get(`${h.lbs}/4/nodes/1`)).json).toEqual(LB404);
  });

  test('an LB without nodes lists []', async () => {
    const id = await h.createLb();
    expect((await h.http.get(nodesOf(id))).json).toEqual({ nodes: [] });
  });
});

describe('add', () => {
  test('202 with only the new nodes; defaults; numeric string port; client-chosen id', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')] });
    const r = await addNodes(id, [{ address: '10.0.0.2', port: '81' }, { address: '10.0.0.3', port: 82, id: 7, weight: 500, type: 'SECONDARY', condition: 'DISABLED' }]);
    expect(r.status).toBe(202);
    expect(r.json.nodes).toEqual([
      { address: '10.0.0.2', port: 81, type: 'PRIMARY', weight: 1, condition: 'ENABLED', id: r.json.nodes[0].id, status: 'ONLINE' },
      { address: '10.0.0.3', port: 82, type: 'SECONDARY', weight: 500, condition: 'DISABLED', id: 7, status: 'ONLINE' },
    ]);
    expect((await h.lb(id)).json.loadBalancer.nodes).toHaveLength(3);
  });

  test('new nodes are OFFLINE while a health monitor is set', async () => {
    const id = await h.createLb();
    await h.http.put(`${h.lbs}/${id}/healthmonitor`, { body: { healthMonitor: { type: 'CONNECT', delay: 10 } } });
    expect((await addNodes(id, [node('10.0.0.1')])).json.nodes[0].status).toBe('OFFLINE');
    await h.http.delete(`${h.lbs}/${id}/healthmonitor`);
    expect((await addNodes(id, [node('10.0.0.2')])).json.nodes[0].status).toBe('ONLINE');
  });

  test('checks in order: BadJSON → LB404 → Immutable → nodes → duplicate → limit', async () => {
    // BadJSON beats LB404.
    const badJson = await h.http.post(`${h.lbs}/1/nodes`, { raw: '' });
    expect([badJson.status, badJson.json]).toEqual([400, BAD_JSON]);
    // LB404 beats everything in the body.
    expect((await h.http.post(`${h.lbs}/1/nodes`, { body: { nodes: 'x' } })).json).toEqual(LB404);
    // Immutable beats bad nodes.
    const building = await h.createLb({ metadata: [{ key: 'lb_building', value: 10 }] });
    expect((await h.http.post(nodesOf(building), { body: { nodes: 'x' } })).json).toEqual(immutable(building, 'BUILD'));
    // Bad nodes (the original's 500) → Schema, before the duplicate check.
    const id = await h.createLb({ nodes: [node('10.0.0.1')] });
    for (const body of [{}, { nodes: 'x' }, { nodes: [{ address: '10.0.0.1', port: 80, status: 'ONLINE' }] }, { nodes: [{ address: '10.0.0.1', port: {} }] }, []]) {
      const r = await h.http.post(nodesOf(id), { body });
      expect([r.status, r.json]).toEqual([400, SCHEMA]);
    }
    // Duplicate (same address and port) beats the limit.
    const many = Array.from({ length: 30 }, (_, i) => node(`10.1.0.${i}`));
    const dup = await addNodes(id, [node('10.0.0.1'), ...many]);
    expect([dup.status, dup.json]).toEqual([413, { message: 'Duplicate nodes detected. One or more nodes already configured on load balancer.', code: 413 }]);
    // Same address, other port is fine; duplicates inside one request are not detected.
    expect((await addNodes(id, [node('10.0.0.1', 81), node('10.0.0.9'), node('10.0.0.9')])).status).toBe(202);
  });

  test('25 nodes at most; the whole batch is rejected', async () => {
    const id = await h.createLb({ nodes: Array.from({ length: 20 }, (_, i) => node(`10.0.0.${i}`)) });
    const over = await addNodes(id, Array.from({ length: 6 }, (_, i) => node(`10.0.1.${i}`)));
    expect([over.status, over.json]).toEqual([413, { message: 'Nodes must not exceed 25 per load balancer.', code: 413 }]);
    expect((await h.http.get(nodesOf(id))).json.nodes).toHaveLength(20);
    expect((await addNodes(id, Array.from({ length: 5 }, (_, i) => node(`10.0.1.${i}`)))).status).toBe(202);
    expect((await addNodes(id, [node('10.0.2.1')])).status).toBe(413);
  });

  test('a client-chosen id already in use → 400', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1', 80, { id: 5 })] });
    const r = await addNodes(id, [node('10.0.0.2', 80, { id: 5 })]);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message: 'Node id 5 is already in use on this load balancer.', code: 400 });
  });

  test('node ids are unique within the LB', async () => {
    const id = await h.createLb({ nodes: Array.from({ length: 25 }, (_, i) => node(`10.0.0.${i}`)) });
    const ids = (await h.http.get(nodesOf(id))).json.nodes.map((n: { id: number }) => n.id);
    expect(new Set(ids).size).toBe(25);
  });
});

describe('update', () => {
  let id: number;
  let nid: number;
  beforeEach(async () => {
    id = await h.createLb({ nodes: [node('10.0.0.1')] });
    nid = (await h.http.get(nodesOf(id))).json.nodes[0].id;
  });

  test('wrapped and bare (libcloud) bodies apply type, weight and condition; 202 empty', async () => {
    const r = await h.http.put(`${nodesOf(id)}/${nid}`, { body: { node: { condition: 'DISABLED', weight: 100, type: 'SECONDARY' } } });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    expect((await h.http.get(`${nodesOf(id)}/${nid}`)).json.node).toMatchObject({ condition: 'DISABLED', weight: 100, type: 'SECONDARY', status: 'ONLINE' });
    expect((await h.http.put(`${nodesOf(id)}/${nid}`, { body: { condition: 'DRAINING' } })).status).toBe(202);
    expect((await h.http.get(`${nodesOf(id)}/${nid}`)).json.node.condition).toBe('DRAINING');
    expect((await h.http.put(`${nodesOf(id)}/${nid}`, { body: { node: {} } })).status).toBe(202);
  });

  test.each([
    ['not JSON', { raw: 'nope' }],
    ['an empty body', { raw: '' }],
    ['an array', { body: [] }],
    ['node plus another key', { body: { node: {}, extra: 1 } }],
    ['node that is not an object', { body: { node: 5 } }],
    ['a bare body with an unknown key', { body: { nodes: [] } }],
    ['status', { body: { node: { status: 'OFFLINE' } } }],
    ['a bad condition', { body: { node: { condition: 'ON' } } }],
    ['a string weight', { body: { node: { weight: 'abc' } } }],
    ['a float id', { body: { node: { id: 1.5 } } }],
    ['schema beats validation', { body: { node: { address: 'x', weight: 'abc' } } }],
  ])('%s → Schema', async (_what, request) => {
    const r = await h.http.put(`${nodesOf(id)}/${nid}`, request as never);
    expect([r.status, r.json]).toEqual([400, SCHEMA]);
  });

  test('validation messages are gathered in order', async () => {
    const r = await h.http.put(`${nodesOf(id)}/${nid}`, { body: { node: { id: 3, weight: 0, port: 1, address: 'x' } } });
    expect(r.json).toEqual(validation(
      'Node ip field cannot be modified.',
      'Port field cannot be modified.',
      'Node weight is invalid. Range is 1-100. Please specify a valid weight.',
      'Node id field cannot be modified.',
    ));
  });

  test('body checks come before LB404 → Immutable → Node404', async () => {
    expect((await h.http.put(`${h.lbs}/1/nodes/1`, { body: { node: { weight: 'x' } } })).json).toEqual(SCHEMA);
    expect((await h.http.put(`${h.lbs}/1/nodes/1`, { body: { node: { weight: 500 } } })).status).toBe(400);
    expect((await h.http.put(`${h.lbs}/1/nodes/1`, { body: { node: { weight: 5 } } })).json).toEqual(LB404);
    const building = await h.createLb({ metadata: [{ key: 'lb_building', value: 10 }] });
    expect((await h.http.put(`${nodesOf(building)}/1`, { body: { node: { weight: 5 } } })).json).toEqual(immutable(building, 'BUILD'));
    expect((await h.http.put(`${nodesOf(id)}/${nid + 1}`, { body: { node: { weight: 5 } } })).json).toEqual(NODE404);
  });

  test('an update does not move the LB out of ACTIVE, even with lb_pending_update', async () => {
    const lb = await h.createLb({ nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_pending_update', value: 10 }] });
    const n = (await h.http.get(nodesOf(lb))).json.nodes[0].id;
    await h.tick(4);
    expect((await h.http.put(`${nodesOf(lb)}/${n}`, { body: { node: { weight: 5 } } })).status).toBe(202);
    const after = (await h.lb(lb)).json.loadBalancer;
    expect(after.status).toBe('ACTIVE');
    expect(after.updated.time).toBe('1970-01-01T00:00:00.000000Z');
  });
});

describe('delete one', () => {
  test('202 with body null; then Node404', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1'), node('10.0.0.2')] });
    const [first, second] = (await h.http.get(nodesOf(id))).json.nodes;
    const r = await h.http.delete(`${nodesOf(id)}/${first.id}`);
    expect(r.status).toBe(202);
    expect(r.text).toBe('null');
    expect((await h.http.get(nodesOf(id))).json.nodes).toEqual([second]);
    expect((await h.http.delete(`${nodesOf(id)}/${first.id}`)).json).toEqual(NODE404);
    expect((await h.http.delete(`${h.lbs}/3/nodes/1`)).json).toEqual(LB404);
  });

  test('the mutating refresh runs before the node lookup: a 404 still moves the LB to PENDING-UPDATE', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 10 }] });
    const r = await h.http.delete(`${nodesOf(id)}/12345`);
    expect(r.json).toEqual(NODE404);
    expect(await h.status(id)).toBe('PENDING-UPDATE');
  });
});

describe('bulk delete', () => {
  let id: number;
  let ids: number[];
  beforeEach(async () => {
    id = await h.createLb({ nodes: Array.from({ length: 12 }, (_, i) => node(`10.0.0.${i}`, 80, { id: i + 1 })) });
    ids = (await h.http.get(nodesOf(id))).json.nodes.map((n: { id: number }) => n.id);
  });

  test('deletes the given nodes; 202 empty', async () => {
    const r = await h.http.delete(`${nodesOf(id)}?id=1&id=2&cache-busting=4`);
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    expect((await h.http.get(nodesOf(id))).json.nodes.map((n: { id: number }) => n.id)).toEqual(ids.slice(2));
  });

  test('no ids → 400, before LB404', async () => {
    const expected = { message: "Must supply one or more id's to process this request.", code: 400 };
    expect((await h.http.delete(nodesOf(id))).json).toEqual(expected);
    expect((await h.http.delete(`${h.lbs}/5/nodes`)).json).toEqual(expected);
    expect((await h.http.delete(`${h.lbs}/5/nodes?id=1`)).json).toEqual(LB404);
  });

  test('a non-integer id → Validation 400 (the original 500)', async () => {
    const r = await h.http.delete(`${nodesOf(id)}?id=1&id=abc`);
    expect(r.status).toBe(400);
    expect(r.json).toEqual(validation('Node ids abc are not valid integers'));
  });

  test('unknown ids: unique, sorted numerically, nothing deleted; checked before the batch limit', async () => {
    const query = ['100', '9', '11', '10', '100', '1', ...ids.map(String)].map((v) => `id=${v}`).join('&');
    const r = await h.http.delete(`${nodesOf(id)}?${query}`);
    // 18 ids (over the batch limit), one of them unknown: the unknown-id message wins.
    expect(r.json).toEqual(validation('Node ids 100 are not a part of your loadbalancer'));
    expect((await h.http.get(nodesOf(id))).json.nodes).toHaveLength(12);
  });

  test('unknown ids are listed sorted numerically', async () => {
    const r = await h.http.delete(`${nodesOf(id)}?id=100&id=20&id=13&id=100&id=1`);
    expect(r.json).toEqual(validation('Node ids 13,20,100 are not a part of your loadbalancer'));
  });

  test('more than 10 ids → Validation with the original text', async () => {
    const r = await h.http.delete(`${nodesOf(id)}?${ids.slice(0, 11).map((n) => `id=${n}`).join('&')}`);
    expect(r.json).toEqual(validation('Request to delete 11 nodes exceeds the account limit BATCH_DELETE_LIMIT of 10 please attempt to delete fewer then 10 nodes'));
    expect((await h.http.get(nodesOf(id))).json.nodes).toHaveLength(12);
    expect((await h.http.delete(`${nodesOf(id)}?${ids.slice(0, 10).map((n) => `id=${n}`).join('&')}`)).status).toBe(202);
  });

  test('not ACTIVE → 422 LoadBalancer is not ACTIVE (not the Immutable text)', async () => {
    const lb = await h.createLb({ metadata: [{ key: 'lb_building', value: 10 }] });
    expect((await h.http.delete(`${nodesOf(lb)}?id=1`)).json).toEqual({ message: 'LoadBalancer is not ACTIVE', code: 422 });
  });
});

describe('atom feed', () => {
  test('created and updated entries, oldest first, atom+xml', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')] });
    const initial = (await h.http.get(nodesOf(id))).json.nodes[0].id;
    const empty = await h.http.get(`${nodesOf(id)}/${initial}.atom`);
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(empty.text).toBe('<feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    await h.tick(2);
    const nid = (await addNodes(id, [node('10.0.0.2', 8080)])).json.nodes[0].id;
    await h.tick(1.5);
    await h.http.put(`${nodesOf(id)}/${nid}`, { body: { node: { weight: 9, condition: 'DISABLED' } } });
    const feed = await h.http.get(`${nodesOf(id)}/${nid}.atom?cache-busting=1`);
    expect(feed.text).toBe(
      '<feed xmlns="http://www.w3.org/2005/Atom">' +
        "<entry><summary>Node successfully created with address: '10.0.0.2', port: '8080', condition: 'ENABLED', weight: '1'</summary><updated>1970-01-01T00:00:02.000000Z</updated></entry>" +
        "<entry><summary>Node successfully updated with address: '10.0.0.2', port: '8080', weight: '9', condition: 'DISABLED'</summary><updated>1970-01-01T00:00:03.500000Z</updated></entry>" +
        '</feed>',
    );
  });

  test('XML errors: unknown LB and unknown node → 404 itemNotFound', async () => {
    const lbMissing = await h.http.get(`${h.lbs}/77/nodes/1.atom`);
    expect(lbMissing.status).toBe(404);
    expect(lbMissing.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(lbMissing.text).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><itemNotFound xmlns="http://docs.openstack.org/loadbalancers/api/v1.0" code="404"><message>Load balancer not found</message></itemNotFound>');
    const id = await h.createLb();
    const nodeMissing = await h.http.get(`${nodesOf(id)}/1.atom`);
    expect(nodeMissing.status).toBe(404);
    expect(nodeMissing.text).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><itemNotFound xmlns="http://docs.openstack.org/loadbalancers/api/v1.0" code="404"><message>Node not found</message></itemNotFound>');
  });
});
