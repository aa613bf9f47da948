import { GONE, immutable, LB404, node, startClb, type ClbHarness } from './support';

let h: ClbHarness;
beforeEach(async () => {
  h = await startClb();
});
afterEach(async () => {
  await h.mimic.close();
});

const T = (seconds: string) => `1970-01-01T00:00:${seconds}.000000Z`;
let nextAddress = 0;
const addNode = (id: number, address = `10.9.0.${++nextAddress}`) =>
  h.http.post(`${h.lbs}/${id}/nodes`, { body: { nodes: [node(address)] } });
const full = async (id: number) => (await h.lb(id)).json.loadBalancer;

describe('BUILD (lb_building)', () => {
  test('BUILD for N s, then ACTIVE with updated unchanged; node changes meanwhile → Immutable', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_building', value: 5 }] });
    expect((await full(id)).status).toBe('BUILD');
    expect((await addNode(id)).json).toEqual(immutable(id, 'BUILD'));
    await h.tick(4.9);
    expect((await full(id)).status).toBe('BUILD');
    await h.tick(0.1);
    const lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['ACTIVE', T('00')]);
  });

  test.each([0, null, '', false])('a falsy delay (%p) means 10 s', async (value) => {
    const id = await h.createLb({ metadata: [{ key: 'lb_building', value }] });
    await h.tick(9);
    expect(await h.status(id)).toBe('BUILD');
    await h.tick(1);
    expect(await h.status(id)).toBe('ACTIVE');
  });

  test('the list refreshes too', async () => {
    await h.createLb({ metadata: [{ key: 'lb_building', value: 2 }] });
    expect((await h.http.get(h.lbs)).json.loadBalancers[0].status).toBe('BUILD');
    await h.tick(2);
    expect((await h.http.get(h.lbs)).json.loadBalancers[0].status).toBe('ACTIVE');
  });
});

describe('ACTIVE, mutating refresh', () => {
  test('without behaviours a node change only bumps updated', async () => {
    const id = await h.createLb();
    await h.tick(7);
    expect((await full(id)).updated.time).toBe(T('00'));
    await addNode(id);
    const lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['ACTIVE', T('07')]);
  });

  test('reads never move an ACTIVE LB', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 3 }, { key: 'lb_error_state', value: 'x' }] });
    await h.tick(100);
    await h.http.get(`${h.lbs}/${id}/nodes`);
    await h.http.get(h.lbs);
    expect(await h.status(id)).toBe('ACTIVE');
  });
});

describe('PENDING-UPDATE (lb_pending_update)', () => {
  test('first node add → PENDING-UPDATE; mutations → 422; N s after the add → ACTIVE; the cycle repeats', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 30 }] });
    expect(await h.status(id)).toBe('ACTIVE');
    await h.tick(5);
    expect((await addNode(id)).status).toBe(202);
    let lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['PENDING-UPDATE', T('05')]);
    expect((await addNode(id)).json).toEqual(immutable(id, 'PENDING-UPDATE'));
    expect((await h.http.delete(`${h.lbs}/${id}/nodes/1`)).json).toEqual(immutable(id, 'PENDING-UPDATE'));
    expect((await h.http.delete(`${h.lbs}/${id}/nodes?id=1`)).json).toEqual({ message: 'LoadBalancer is not ACTIVE', code: 422 });
    await h.tick(29);
    expect(await h.status(id)).toBe('PENDING-UPDATE');
    await h.tick(1);
    lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['ACTIVE', T('05')]);
    const nid = lb.nodes[0].id;
    expect((await h.http.delete(`${h.lbs}/${id}/nodes?id=${nid}`)).status).toBe(202);
    expect(await h.status(id)).toBe('PENDING-UPDATE');
  });

  test('a single-node delete starts the cycle too', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_pending_update', value: 2 }] });
    const nid = (await full(id)).nodes[0].id;
    expect((await h.http.delete(`${h.lbs}/${id}/nodes/${nid}`)).status).toBe(202);
    expect(await h.status(id)).toBe('PENDING-UPDATE');
    await h.tick(2);
    expect(await h.status(id)).toBe('ACTIVE');
  });

  test('DELETE LB in PENDING-UPDATE → 202 and removed', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 30 }] });
    await addNode(id);
    const r = await h.http.delete(`${h.lbs}/${id}`);
    expect([r.status, r.text]).toEqual([202, '']);
    expect((await h.lb(id)).json).toEqual(LB404);
  });

  test('DELETE of an ACTIVE LB with lb_pending_update passes through PENDING-UPDATE and removes it', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 30 }] });
    expect((await h.http.delete(`${h.lbs}/${id}`)).status).toBe(202);
    expect((await h.lb(id)).status).toBe(404);
  });

  test.each([
    ['PUT the LB', (id: number) => h.http.put(`${h.lbs}/${id}`, { body: { name: 'x' } })],
    ['PUT connection throttle', (id: number) => h.http.put(`${h.lbs}/${id}/connectionthrottle`, { body: { connectionThrottle: { maxConnections: 5 } } })],
    ['DELETE session persistence', (id: number) => h.http.delete(`${h.lbs}/${id}/sessionpersistence`)],
    ['POST access list', (id: number) => h.http.post(`${h.lbs}/${id}/accesslist`, { body: { accessList: [{ address: '1.2.3.4', type: 'DENY' }] } })],
    ['PUT error page', (id: number) => h.http.put(`${h.lbs}/${id}/errorpage`, { body: { errorpage: { content: '<p>x</p>' } } })],
    ['POST metadata', (id: number) => h.http.post(`${h.lbs}/${id}/metadata`, { body: { metadata: [{ key: 'a', value: 'b' }] } })],
  ])('%s (beyond the original) moves through PENDING-UPDATE like node changes', async (_what, mutate) => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 10 }] });
    const first = await mutate(id);
    expect(first.status).toBeLessThan(300);
    expect(await h.status(id)).toBe('PENDING-UPDATE');
    expect((await mutate(id)).json).toEqual(immutable(id, 'PENDING-UPDATE'));
    await h.tick(10);
    expect(await h.status(id)).toBe('ACTIVE');
  });

  test('health monitor PUT/DELETE and node updates never move the status', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_pending_update', value: 10 }] });
    const nid = (await full(id)).nodes[0].id;
    expect((await h.http.put(`${h.lbs}/${id}/healthmonitor`, { body: { healthMonitor: { type: 'CONNECT' } } })).status).toBe(202);
    expect((await h.http.delete(`${h.lbs}/${id}/healthmonitor`)).status).toBe(202);
    expect((await h.http.put(`${h.lbs}/${id}/nodes/${nid}`, { body: { node: { weight: 3 } } })).status).toBe(202);
    expect(await h.status(id)).toBe('ACTIVE');
  });
});

describe('ERROR (lb_error_state)', () => {
  test('first successful node add → ERROR for good; mutations → 422; DELETE → 202 removed', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_error_state', value: 'anything' }] });
    expect(await h.status(id)).toBe('ACTIVE');
    expect((await addNode(id)).status).toBe(202);
    expect(await h.status(id)).toBe('ERROR');
    await h.tick(100000);
    expect(await h.status(id)).toBe('ERROR');
    expect((await addNode(id)).json).toEqual(immutable(id, 'ERROR'));
    expect((await h.http.put(`${h.lbs}/${id}`, { body: { name: 'x' } })).json).toEqual(immutable(id, 'ERROR'));
    expect((await h.http.delete(`${h.lbs}/${id}`)).status).toBe(202);
    expect((await h.lb(id)).status).toBe(404);
  });

  test('the last behaviour that applies wins: pending update + error → ERROR', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_update', value: 1 }, { key: 'lb_error_state', value: 1 }] });
    await addNode(id);
    await h.tick(5);
    expect(await h.status(id)).toBe('ERROR');
  });
});

describe('PENDING-DELETE and DELETED (lb_pending_delete)', () => {
  test('delete keeps it PENDING-DELETE for N s, then DELETED for 3600 s, then gone', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_pending_delete', value: 20 }] });
    const nid = (await full(id)).nodes[0].id;
    await h.tick(10);
    expect((await h.http.delete(`${h.lbs}/${id}`)).status).toBe(202);
    let lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['PENDING-DELETE', T('10')]);
    const again = await h.http.delete(`${h.lbs}/${id}`);
    expect([again.status, again.json]).toEqual([400, { message: `Must provide valid load balancers: ${id} are immutable and could not be processed.`, code: 400 }]);
    expect((await addNode(id)).json).toEqual(immutable(id, 'PENDING-DELETE'));
    await h.tick(20);
    lb = await full(id);
    expect([lb.status, lb.updated.time]).toEqual(['DELETED', T('30')]);
    const deleted = await h.http.delete(`${h.lbs}/${id}`);
    expect([deleted.status, deleted.json]).toEqual([400, { message: `Must provide valid load balancers: ${id} could not be found.`, code: 400 }]);
    expect((await h.http.get(`${h.lbs}/${id}/nodes`)).json).toEqual(GONE);
    expect((await h.http.get(`${h.lbs}/${id}/nodes/${nid}`)).json).toEqual(GONE);
    const feed = await h.http.get(`${h.lbs}/${id}/nodes/${nid}.atom`);
    expect(feed.status).toBe(410);
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(feed.text).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><message xmlns="http://docs.openstack.org/loadbalancers/api/v1.0" code="410">The loadbalancer is marked as deleted.</message>');
    expect((await addNode(id)).json).toEqual(immutable(id, 'DELETED'));
    expect((await h.http.get(`${h.lbs}/${id}/healthmonitor`)).status).toBe(200);
    expect((await h.http.get(h.lbs)).json.loadBalancers.map((l: { status: string }) => l.status)).toEqual(['DELETED']);
    await h.tick(3599);
    expect(await h.status(id)).toBe('DELETED');
    await h.tick(1);
    expect((await h.lb(id)).json).toEqual(LB404);
    expect((await h.http.get(h.lbs)).json).toEqual({ loadBalancers: [] });
  });

  test('override: PENDING-DELETE lasts N s from the delete however often it is read', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_delete', value: 10 }] });
    await h.http.delete(`${h.lbs}/${id}`);
    for (let i = 0; i < 3; i++) {
      await h.tick(3);
      expect(await h.status(id)).toBe('PENDING-DELETE');
    }
    await h.tick(1);
    expect(await h.status(id)).toBe('DELETED');
  });

  test('a falsy delay means 10 s', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_delete', value: 0 }] });
    await h.http.delete(`${h.lbs}/${id}`);
    await h.tick(9.5);
    expect(await h.status(id)).toBe('PENDING-DELETE');
    await h.tick(0.5);
    expect(await h.status(id)).toBe('DELETED');
  });

  test('override: a refresh that removes the LB answers 404 everywhere, and the list leaves it out', async () => {
    const keep = await h.createLb({ name: 'keep' });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await h.createLb({ name: `gone${i}`, nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_pending_delete', value: 1 }] }));
    for (const id of ids) expect((await h.http.delete(`${h.lbs}/${id}`)).status).toBe(202);
    // Unobserved: PENDING-DELETE → DELETED → removed all happen within this one tick.
    await h.tick(1 + 3600);
    expect((await h.http.get(h.lbs)).json.loadBalancers.map((l: { name: string }) => l.name)).toEqual(['keep']);
    expect((await h.lb(ids[0])).json).toEqual(LB404);
    expect((await h.http.get(`${h.lbs}/${ids[1]}/nodes/1`)).json).toEqual(LB404);
    expect((await h.http.get(`${h.lbs}/${ids[2]}/healthmonitor`)).json).toEqual(LB404);
    expect(await h.status(keep)).toBe('ACTIVE');
  });

  test('departure: node changes do not put an lb_pending_delete LB into PENDING-DELETE', async () => {
    const id = await h.createLb({ metadata: [{ key: 'lb_pending_delete', value: 10 }] });
    expect((await addNode(id)).status).toBe(202);
    expect(await h.status(id)).toBe('ACTIVE');
  });
});
