import { testClient, type Mimic, type TestClient } from '@mimic/core';
import { startMimic } from './support';

/** Many requests at once against one tenant: counts, uniqueness and limits must hold exactly. */
describe('concurrency', () => {
  let mimic: Mimic;
  let client: TestClient;
  let nova: string;
  let clb: string;
  beforeAll(async () => {
    mimic = await startMimic();
    client = testClient(mimic);
    const auth = await client.post('/identity/v2.0/tokens', {
      body: { auth: { passwordCredentials: { username: 'busy', password: 'x' }, tenantId: 'busy-tenant' } },
    });
    const url = (name: string) => auth.json.access.serviceCatalog.find((s: any) => s.name === name).endpoints[0].publicURL;
    nova = url('cloudServersOpenStack');
    clb = url('cloudLoadBalancers');
  });
  afterAll(() => mimic.close());

  /** Runs `count` calls of `task` with at most `width` in flight. */
  async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < count) {
          const i = next++;
          results[i] = await task(i);
        }
      }),
    );
    return results;
  }

  it('1,000 concurrent server creates give 1,000 servers with unique ids and private IPs', async () => {
    const statuses = await inParallel(1000, 100, async (i) => (await client.post(`${nova}/servers`, { body: { server: { name: `c${i}`, imageRef: 'i', flavorRef: '2' } } })).status);
    expect(statuses.every((s) => s === 202)).toBe(true);
    const { servers } = (await client.get(`${nova}/servers/detail`)).json;
    expect(servers).toHaveLength(1000);
    expect(new Set(servers.map((s: any) => s.id)).size).toBe(1000);
    expect(new Set(servers.map((s: any) => s.addresses.private[0].addr)).size).toBe(1000);
    expect(new Set(servers.map((s: any) => s.name)).size).toBe(1000);
  });

  it('200 concurrent node adds to one load balancer store no more than 25 nodes', async () => {
    const created = await client.post(`${clb}/loadbalancers`, {
      body: { loadBalancer: { name: 'crowded', protocol: 'HTTP', port: 80, virtualIps: [{ type: 'PUBLIC' }], nodes: [] } },
    });
    expect(created.status).toBe(202);
    const id = created.json.loadBalancer.id;
    const statuses = await inParallel(200, 50, async (i) =>
      (await client.post(`${clb}/loadbalancers/${id}/nodes`, { body: { nodes: [{ address: `10.9.${i >> 8}.${i & 255}`, port: 80, condition: 'ENABLED' }] } })).status,
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(25);
    expect(statuses.filter((s) => s !== 202).every((s) => s === 413)).toBe(true);
    const nodes = (await client.get(`${clb}/loadbalancers/${id}/nodes`)).json.nodes;
    expect(nodes).toHaveLength(25);
    expect(new Set(nodes.map((n: any) => n.id)).size).toBe(25);
  });

  it('concurrent ticks and reads never show a half-applied transition', async () => {
    const tenant = nova.replace(/busy-tenant$/, 'tick-tenant');
    await inParallel(100, 20, (i) => client.post(`${tenant}/servers`, { body: { server: { name: `t${i}`, imageRef: 'i', flavorRef: '2', metadata: { server_building: '25' } } } }));
    const observed = await Promise.all([
      ...Array.from({ length: 50 }, () => client.post('/mimic/v1.1/tick', { body: { amount: 1 } })),
      ...Array.from({ length: 50 }, () => client.get(`${tenant}/servers/detail`)),
    ]);
    const lists = observed.slice(50).map((res) => res.json.servers as Array<{ status: string; updated: string }>);
    for (const servers of lists) {
      expect(servers).toHaveLength(100);
      const statuses = new Set(servers.map((s) => s.status));
      expect(statuses.size).toBe(1); // all BUILD or all ACTIVE: one tick applies every due transition at once
      const activeUpdates = new Set(servers.filter((s) => s.status === 'ACTIVE').map((s) => s.updated));
      expect(activeUpdates.size).toBeLessThanOrEqual(1);
    }
    expect(observed.slice(0, 50).every((res) => res.status === 200)).toBe(true);
    const final = (await client.get(`${tenant}/servers/detail`)).json.servers;
    expect(final.every((s: any) => s.status === 'ACTIVE')).toBe(true);
  });
});
