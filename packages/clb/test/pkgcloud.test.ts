import { createMimic, definePlugin, respondJson, type Mimic, type MimicPlugin } from '@mimic/core';
import { clb } from '@mimic/clb';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkgcloud = require('pkgcloud');

/**
 * pkgcloud's Rackspace load-balancer client against the plugin. Auth comes
 * from a minimal token endpoint built on core's catalog (this package may not
 * import the identity plugin).
 */
function tokensOnly(): MimicPlugin {
  return definePlugin({
    name: 'test-tokens',
    core: '^0.1.0',
    setup(ctx) {
      ctx.router.post('/v2.0/tokens', (k) => {
        const tenant = '778899';
        respondJson(k, 200, {
          access: {
            token: { id: 'token-1', expires: '2999-01-01T00:00:00.000Z', tenant: { id: tenant, name: tenant } },
            user: { id: '1', name: 'me', roles: [] },
            serviceCatalog: ctx.catalog.build(tenant, ctx.urls.base(k)),
          },
        });
      });
    },
  });
}

let mimic: Mimic;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let client: any;
beforeAll(async () => {
  mimic = await createMimic({ plugins: [tokensOnly(), clb()] });
  client = pkgcloud.loadbalancer.createClient({ provider: 'rackspace', username: 'me', apiKey: 'k', region: 'ORD', authUrl: mimic.url.replace(/\/$/, '') });
});
afterAll(async () => {
  await mimic.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const call = <T = any>(method: string, ...args: unknown[]): Promise<T> =>
  new Promise((resolve, reject) => client[method](...args, (err: Error | null, value: T) => (err ? reject(err) : resolve(value))));

test('pkgcloud creates (bare body), updates, configures and deletes a load balancer', async () => {
  const lb = await call('createLoadBalancer', {
    name: 'pkg', protocol: { name: 'HTTP', port: 80 }, virtualIps: [{ type: 'PUBLIC' }],
    nodes: [{ address: '10.0.0.1', port: 80, condition: 'ENABLED' }],
  });
  expect(lb.name).toBe('pkg');
  expect(lb.status).toBe('ACTIVE');
  // This pkgcloud's url-join only takes strings.
  const id = String(lb.id);
  const listed = await call<{ id: number }[]>('getLoadBalancers');
  expect(listed.map((l) => l.id)).toEqual([lb.id]);

  const fetched = await call('getLoadBalancer', id);
  fetched.id = id;
  fetched.name = 'renamed';
  fetched.algorithm = 'ROUND_ROBIN';
  await call('updateLoadBalancer', fetched);
  expect((await call('getLoadBalancer', id)).name).toBe('renamed');

  await call('updateHealthMonitor', id, { type: 'CONNECT', delay: 10, timeout: 5, attemptsBeforeDeactivation: 2 });
  expect(await call('getHealthMonitor', id)).toMatchObject({ type: 'CONNECT', delay: 10 });
  await call('enableSessionPersistence', id, 'HTTP_COOKIE');
  expect(await call('getSessionPersistence', id)).toEqual({ persistenceType: 'HTTP_COOKIE' });
  await call('updateConnectionThrottle', id, { maxConnections: 10 });
  expect(await call('getConnectionThrottleConfig', id)).toEqual({ maxConnections: 10 });
  await call('updateContentCaching', id, true);
  expect(await call('getContentCachingConfig', id)).toEqual({ enabled: true });
  await call('setErrorPage', id, '<html>sorry</html>');
  expect(await call('getErrorPage', id)).toBe('<html>sorry</html>');
  await call('addAccessList', id, [{ address: '10.1.0.0/16', type: 'DENY' }]);
  expect((await call<unknown[]>('getAccessList', id))).toHaveLength(1);
  expect((await call<unknown[]>('getVirtualIps', id))).toHaveLength(2);
  expect((await call<{ name: string }[]>('getProtocols')).map((p) => p.name)).toContain('HTTPS');
  expect((await call<{ name: string }[]>('getAlgorithms')).map((a) => a.name)).toContain('RANDOM');

  const added = await call<{ id: number }[]>('addNodes', id, [{ address: '10.0.0.2', port: 80, condition: 'ENABLED' }]);
  expect(added).toHaveLength(1);
  const nodes = await call<{ id: number }[]>('getNodes', id);
  expect(nodes).toHaveLength(2);
  await call('removeNodes', id, [nodes[0].id, nodes[1].id]);
  expect(await call<unknown[]>('getNodes', id)).toHaveLength(0);

  await call('deleteLoadBalancer', id);
  expect(await call<unknown[]>('getLoadBalancers')).toEqual([]);
});
