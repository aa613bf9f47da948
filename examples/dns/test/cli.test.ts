import { assertBuilt, authenticate, startCli, type RunningCli } from '../../../packages/cli/test/support/cli-process';

// End to end, as a user runs it: the built `mimic` command, the plugin loaded by path, the bundled identity listing it.
let running: RunningCli;
beforeAll(async () => {
  assertBuilt();
  running = await startCli(['--port', '0', '--plugin', './examples/dns']);
});
afterAll(async () => {
  const finished = await running.stop('SIGTERM');
  expect(finished.code).toBe(0);
});

it('mimic --plugin ./examples/dns serves Cloud DNS next to the bundled services', async () => {
  expect(running.stdout()).toContain('Plugins: @mimic/identity, @mimic/compute, @mimic/clb, mimic-plugin-dns');
  const { status, tenant, catalog } = await authenticate(running.url, 'dns-e2e');
  expect(status).toBe(200);
  expect(catalog.map((entry) => entry.name)).toEqual(expect.arrayContaining(['cloudServersOpenStack', 'cloudLoadBalancers', 'cloudDNS']));
  const dnsEntry = catalog.find((entry) => entry.name === 'cloudDNS')!;
  expect(dnsEntry.type).toBe('rax:dns');
  const root = dnsEntry.endpoints[0].publicURL;
  expect(root).toMatch(new RegExp(`^${running.url}mimicking/DNSApi-[0-9a-f]{6}/ORD/v1\\.0/${tenant}$`));

  const created = await fetch(`${root}/domains`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domains: [{ name: 'e2e.example', emailAddress: 'ops@e2e.example' }] }),
  });
  expect(created.status).toBe(202);
  const listed = (await (await fetch(`${root}/domains`)).json()) as { domains: Array<{ name: string }> };
  expect(listed.domains.map((d) => d.name)).toEqual(['e2e.example']);
  await running.waitForOutput(/GET \/mimicking\/DNSApi-[0-9a-f]{6}\/ORD\/v1\.0\/\d+\/domains 200/);
});
