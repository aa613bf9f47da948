import type { Mimic } from '@mimic/core';
import { call, rackspaceClient, startMimic } from './support';

/** See the note in the first test: pkgcloud needs string ids to build URLs. */
function stringIds<T extends { id: unknown }>(model: T): T {
  model.id = String(model.id);
  return model;
}

/**
 * pkgcloud's Rackspace load-balancer driver, unchanged, against Mimic: every
 * call below is a real HTTP request the client builds from the catalog.
 */
describe('pkgcloud rackspace loadbalancer client', () => {
  let mimic: Mimic;
  let client: any;
  beforeAll(async () => {
    mimic = await startMimic();
    client = rackspaceClient('loadbalancer', mimic, 'lb-user');
  });
  afterAll(() => mimic.close());

  it('creates, lists, gets, updates and deletes a load balancer with nodes', async () => {
    const created = await call(client, 'createLoadBalancer', {
      name: 'web-lb',
      protocol: { name: 'HTTP', port: 80 },
      virtualIps: [{ type: 'PUBLIC' }],
      nodes: [{ address: '10.0.0.1', port: 80, condition: 'ENABLED' }],
    });
    expect(created.id).toEqual(expect.any(Number));
    expect(created.name).toBe('web-lb');
    expect(created.status).toBe('ACTIVE');
    // pkgcloud 2.2 passes ids to url-join 4.0.1, which throws on numbers
    // ("Url must be a string"): real Rackspace ids are numbers too, so users
    // hand pkgcloud string ids. Mimic keeps CLB's numeric ids on the wire.
    stringIds(created);

    const listed = await call<any[]>(client, 'getLoadBalancers');
    expect(listed.map((lb) => String(lb.id))).toContain(created.id);

    const fetched = stringIds(await call(client, 'getLoadBalancer', created));
    expect(fetched.name).toBe('web-lb');
    expect(fetched.nodes).toHaveLength(1);

    const added = await call<any[]>(client, 'addNodes', created, [{ address: '10.0.0.2', port: 8080, condition: 'ENABLED', type: 'PRIMARY' }]);
    expect(added).toHaveLength(1);
    stringIds(added[0]);
    expect(added[0].address).toBe('10.0.0.2');
    let nodes = await call<any[]>(client, 'getNodes', created);
    expect(nodes.map((n) => n.address).sort()).toEqual(['10.0.0.1', '10.0.0.2']);

    added[0].weight = 50;
    added[0].condition = 'DRAINING';
    await call(client, 'updateNode', created, added[0]);
    nodes = await call<any[]>(client, 'getNodes', created);
    expect(nodes.find((n) => String(n.id) === added[0].id)).toMatchObject({ weight: 50, condition: 'DRAINING' });

    await call(client, 'removeNode', created, added[0]);
    nodes = await call<any[]>(client, 'getNodes', created);
    expect(nodes.map((n) => n.address)).toEqual(['10.0.0.1']);

    fetched.name = 'renamed-lb';
    fetched.algorithm = 'ROUND_ROBIN';
    await call(client, 'updateLoadBalancer', fetched);
    const renamed = await call(client, 'getLoadBalancer', created);
    expect(renamed.name).toBe('renamed-lb');
    expect(renamed.algorithm).toBe('ROUND_ROBIN');

    await call(client, 'deleteLoadBalancer', created);
    const after = await call<any[]>(client, 'getLoadBalancers');
    expect(after.map((lb) => String(lb.id))).not.toContain(created.id);
  });

  it('manages the extra resources pkgcloud exposes', async () => {
    const lb = stringIds(await call(client, 'createLoadBalancer', {
      name: 'extras',
      protocol: { name: 'HTTP', port: 80 },
      virtualIps: [{ type: 'PUBLIC' }],
      nodes: [{ address: '10.1.0.1', port: 80, condition: 'ENABLED' }],
    }));

    await call(client, 'updateHealthMonitor', lb, { type: 'CONNECT', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3 });
    expect(await call(client, 'getHealthMonitor', lb)).toMatchObject({ type: 'CONNECT', delay: 10 });
    await call(client, 'removeHealthMonitor', lb);
    expect(await call(client, 'getHealthMonitor', lb)).toEqual({});

    await call(client, 'enableSessionPersistence', lb, 'HTTP_COOKIE');
    expect(await call(client, 'getSessionPersistence', lb)).toMatchObject({ persistenceType: 'HTTP_COOKIE' });
    await call(client, 'disableSessionPersistence', lb);

    await call(client, 'updateConnectionThrottle', lb, { maxConnectionRate: 50, maxConnections: 100, minConnections: 10, rateInterval: 60 });
    expect(await call(client, 'getConnectionThrottleConfig', lb)).toMatchObject({ maxConnections: 100 });
    await call(client, 'disableConnectionThrottle', lb);

    await call(client, 'addAccessList', lb, [{ address: '192.168.0.1', type: 'ALLOW' }, { address: '0.0.0.0/0', type: 'DENY' }]);
    let accessList = await call<any[]>(client, 'getAccessList', lb);
    expect(accessList.map((item) => item.address).sort()).toEqual(['0.0.0.0/0', '192.168.0.1']);
    await call(client, 'deleteAccessListItem', lb, String(accessList[0].id));
    accessList = await call<any[]>(client, 'getAccessList', lb);
    expect(accessList).toHaveLength(1);
    await call(client, 'resetAccessList', lb);
    expect(await call<any[]>(client, 'getAccessList', lb)).toEqual([]);

    await call(client, 'setErrorPage', lb, '<html>down</html>');
    expect(await call(client, 'getErrorPage', lb)).toMatch(/down/);
    await call(client, 'deleteErrorPage', lb);

    await call(client, 'updateConnectionLogging', lb, true);
    expect(await call(client, 'getConnectionLoggingConfig', lb)).toMatchObject({ enabled: true });
    await call(client, 'updateContentCaching', lb, true);
    expect(await call(client, 'getContentCachingConfig', lb)).toMatchObject({ enabled: true });
    const stats = await call(client, 'getStats', lb);
    expect(stats).toEqual(expect.any(Object));
    const vips = await call<any[]>(client, 'getVirtualIps', lb);
    expect(vips.length).toBeGreaterThan(0);
    const protocols = await call<any[]>(client, 'getProtocols');
    expect(protocols.map((p) => p.name)).toContain('HTTP');
    const algorithms = await call<any[]>(client, 'getAlgorithms');
    expect(algorithms.map((a) => a.name)).toContain('ROUND_ROBIN');

    await call(client, 'deleteLoadBalancer', lb);
  });
});
