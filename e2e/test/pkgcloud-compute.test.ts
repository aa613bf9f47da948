import type { Mimic } from '@mimic/core';
import { call, failure, openstackClient, rackspaceClient, startMimic } from './support';

/**
 * pkgcloud's compute client, unchanged, against Mimic, through both providers
 * people use: `rackspace` (username + apiKey) and `openstack` (password).
 * Waiting for ACTIVE advances Mimic's clock instead of sleeping.
 */
describe.each([
  ['rackspace', (mimic: Mimic) => rackspaceClient('compute', mimic, 'rack-user')],
  ['openstack', (mimic: Mimic) => openstackClient(mimic, 'os-user')],
])('pkgcloud %s compute client', (_provider, makeClient) => {
  let mimic: Mimic;
  let client: any;
  beforeAll(async () => {
    mimic = await startMimic();
    client = makeClient(mimic);
  });
  afterAll(() => mimic.close());

  /** Polls with pkgcloud's own setWait while the test moves Mimic's clock. */
  async function waitFor(server: any, status: string, advance: number): Promise<any> {
    const waited = new Promise<any>((resolve, reject) =>
      server.setWait({ status }, 5, 5000, (error: Error | null, ready: any) => (error ? reject(error) : resolve(ready))),
    );
    mimic.clock.tick(advance);
    return waited;
  }

  it('lists flavors and images', async () => {
    const flavors = await call<any[]>(client, 'getFlavors');
    expect(flavors.length).toBeGreaterThanOrEqual(35);
    expect(flavors[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), ram: expect.any(Number) });
    const images = await call<any[]>(client, 'getImages');
    expect(images.length).toBeGreaterThanOrEqual(38);
    const image = await call(client, 'getImage', images[0].id);
    expect(image.name).toBe(images[0].name);
  });

  it('creates a server, waits for ACTIVE, reads, lists, reboots and deletes it', async () => {
    const [flavor] = await call<any[]>(client, 'getFlavors');
    const [image] = await call<any[]>(client, 'getImages');
    const created = await call(client, 'createServer', { name: 'e2e-web', flavor, image, metadata: { server_building: '30' } });
    expect(created.id).toMatch(/^test-server/);
    expect(created.adminPass).toEqual(expect.any(String));

    const building = await call(client, 'getServer', created.id);
    expect(building.status).toBe(building.STATUS.provisioning);
    const running = await waitFor(building, building.STATUS.running, 30);
    expect(running.status).toBe(running.STATUS.running);

    const servers = await call<any[]>(client, 'getServers');
    expect(servers.map((s) => s.id)).toContain(created.id);
    const addresses = await call(client, 'getServerAddresses', created.id);
    expect(addresses.private[0].addr).toMatch(/^10\./);
    expect(addresses.public.map((a: any) => a.version).sort()).toEqual([4, 6]);

    await call(client, 'rebootServer', created.id, { type: 'HARD' });
    const rebooting = await call(client, 'getServer', created.id);
    expect(rebooting.status).toBe(rebooting.STATUS.reboot);
    const back = await waitFor(rebooting, rebooting.STATUS.running, 6);
    expect(back.status).toBe(back.STATUS.running);

    await call(client, 'destroyServer', created.id);
    const gone = await failure(client, 'getServer', created.id);
    expect(gone.statusCode).toBe(404);
    expect((await call<any[]>(client, 'getServers')).map((s) => s.id)).not.toContain(created.id);
  });

  it('surfaces a create_server_failure through the client', async () => {
    const error = await failure(client, 'createServer', {
      name: 'doomed',
      flavor: '2',
      image: 'any-image',
      metadata: { create_server_failure: JSON.stringify({ message: 'Quota exceeded, sorry', code: 413, type: 'overLimit' }) },
    });
    expect(error.statusCode).toBe(413);
    expect(JSON.stringify(error.result ?? error.message)).toContain('Quota exceeded, sorry');
    expect((await call<any[]>(client, 'getServers')).map((s) => s.name)).not.toContain('doomed');
  });
});
