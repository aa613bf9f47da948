import { BAD_JSON, immutable, LB404, node, startClb, type ClbHarness } from './support';

let h: ClbHarness;
beforeEach(async () => {
  h = await startClb('4242');
});
afterEach(async () => {
  await h.mimic.close();
});

const attributes = (id: number | string) => `${h.ctl}/loadbalancer/${id}/attributes`;
const nodeStatus = (id: number | string, nid: number | string) => `${h.ctl}/loadbalancers/${id}/nodes/${nid}/status`;

describe('PATCH attributes', () => {
  test('sets the status literally → 204 empty; updated left alone; never times out', async () => {
    const id = await h.createLb();
    await h.tick(5);
    const r = await h.http.patch(attributes(id), { body: { status: 'PENDING_UPDATE' } });
    expect([r.status, r.text]).toEqual([204, '']);
    await h.tick(100000);
    const lb = (await h.lb(id)).json.loadBalancer;
    expect([lb.status, lb.updated.time]).toEqual(['PENDING_UPDATE', '1970-01-01T00:00:00.000000Z']);
  });

  test('checks in order: ownership (before the body) → BadJSON → bad attribute → unsupported status', async () => {
    const id = await h.createLb();
    expect((await h.http.patch(attributes(7), { raw: 'x' })).json).toEqual({ message: "Tenant 4242 doesn't own load balancer 7", code: 404 });
    expect((await h.http.patch(attributes('abc'), { raw: 'x' })).status).toBe(404);
    expect((await h.http.patch(attributes(id), { raw: 'x' })).json).toEqual(BAD_JSON);
    expect((await h.http.patch(attributes(id), { body: { status: 'ACTIVE', name: 'x' } })).json).toEqual({ message: 'Attempt to alter a bad attribute', code: 400 });
    expect((await h.http.patch(attributes(id), { body: [] })).json).toEqual({ message: 'Attempt to alter a bad attribute', code: 400 });
    for (const [status, shown] of [['PENDING-UPDATE', 'PENDING-UPDATE'], ['BUILD', 'BUILD'], [5, '5'], [null, 'None']] as const) {
      expect((await h.http.patch(attributes(id), { body: { status } })).json).toEqual({
        message: `Unsupported status ${shown} not one of ['ACTIVE', 'ERROR', 'PENDING_DELETE', 'PENDING_UPDATE']`,
        code: 400,
      });
    }
    const noop = await h.http.patch(attributes(id), { body: {} });
    expect(noop.status).toBe(204);
    expect(await h.status(id)).toBe('ACTIVE');
  });

  test('control-set statuses: node mutations → Immutable, bulk delete → 422, DELETE LB → Immutable; ACTIVE restores', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')] });
    const nid = (await h.lb(id)).json.loadBalancer.nodes[0].id;
    await h.http.patch(attributes(id), { body: { status: 'PENDING_DELETE' } });
    expect((await h.http.post(`${h.lbs}/${id}/nodes`, { body: { nodes: [node('10.0.0.2')] } })).json).toEqual(immutable(id, 'PENDING_DELETE'));
    expect((await h.http.put(`${h.lbs}/${id}/nodes/${nid}`, { body: { node: { weight: 2 } } })).json).toEqual(immutable(id, 'PENDING_DELETE'));
    expect((await h.http.delete(`${h.lbs}/${id}/nodes/${nid}`)).json).toEqual(immutable(id, 'PENDING_DELETE'));
    expect((await h.http.delete(`${h.lbs}/${id}/nodes?id=${nid}`)).json).toEqual({ message: 'LoadBalancer is not ACTIVE', code: 422 });
    expect((await h.http.delete(`${h.lbs}/${id}`)).json).toEqual(immutable(id, 'PENDING_DELETE'));
    await h.http.patch(attributes(id), { body: { status: 'ERROR' } });
    expect((await h.http.delete(`${h.lbs}/${id}/nodes/${nid}`)).json).toEqual(immutable(id, 'ERROR'));
    await h.http.patch(attributes(id), { body: { status: 'ACTIVE' } });
    expect((await h.http.delete(`${h.lbs}/${id}/nodes/${nid}`)).status).toBe(202);
    await h.http.patch(attributes(id), { body: { status: 'ERROR' } });
    expect((await h.http.delete(`${h.lbs}/${id}`)).status).toBe(202);
    expect((await h.lb(id)).json).toEqual(LB404);
  });
});

describe('PUT node status', () => {
  test('sets ONLINE/OFFLINE → 200 empty, without refresh or immutability check', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')], metadata: [{ key: 'lb_building', value: 100 }] });
    const nid = (await h.lb(id)).json.loadBalancer.nodes[0].id;
    const r = await h.http.put(nodeStatus(id, nid), { body: { status: 'OFFLINE' } });
    expect([r.status, r.text]).toEqual([200, '']);
    expect((await h.http.get(`${h.lbs}/${id}/nodes/${nid}`)).json.node.status).toBe('OFFLINE');
    expect(await h.status(id)).toBe('BUILD');
  });

  test('checks in order: LB ownership → node → BadJSON → status value', async () => {
    const id = await h.createLb({ nodes: [node('10.0.0.1')] });
    const nid = (await h.lb(id)).json.loadBalancer.nodes[0].id;
    expect((await h.http.put(nodeStatus(9, nid), { raw: 'x' })).json).toEqual({ message: "Tenant 4242 doesn't own load balancer 9", code: 404 });
    expect((await h.http.put(nodeStatus(id, nid + 1), { raw: 'x' })).json).toEqual({ message: `Load balancer ${id} on tenant 4242 does not have node ${nid + 1}`, code: 404 });
    expect((await h.http.put(nodeStatus(id, nid), { raw: 'x' })).json).toEqual(BAD_JSON);
    for (const body of [{}, { status: 'ENABLED' }, { status: 1 }, []]) {
      expect((await h.http.put(nodeStatus(id, nid), { body })).json).toEqual({ message: 'status key not found or it must have ONLINE or OFFLINE value', code: 400 });
    }
  });
});
