import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, authenticate, freePort, REPO, runCli, startCli, type RunningCli } from './support/cli-process';

const version = (JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

let running: RunningCli | undefined;
let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'mimic-cli-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function health(url: string) {
  return (await (await fetch(`${url}mimic/v1.0/health`)).json()) as { now: string; plugins: string[] };
}

function writeConfig(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('help, version and usage errors', () => {
  it('--help lists every option and the precedence, and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--host', '--port', '--realtime', '--clock-start', '--strict-auth', '--plugin', '--no-default-plugins', '--config', '--log-level', '--log-format', '--version']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain('MIMIC_PLUGINS');
    expect(result.stdout).toMatch(/flags beat the --config file, which beats the\s+environment/);
  });

  it('--version prints the package version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('an unknown option exits 1 with commander’s message', async () => {
    const result = await runCli(['--prot', '9000']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: unknown option '--prot'");
  });

  it('a bad value exits 1 with one line naming the option', async () => {
    const result = await runCli(['--port', 'abc']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('mimic: --port must be a port number from 0 to 65535 (0 picks a free port), got "abc"\n');
  });

  it('a missing config file exits 1 with one line', async () => {
    const result = await runCli(['--config', 'missing.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`mimic: cannot read config file ${join(dir, 'missing.json')}: no such file. Check the --config path\n`);
  });
});

describe('where it listens: flags > config file > environment > defaults', () => {
  it('listens on 127.0.0.1 by default and prints the URL, the auth endpoint and a curl command that works', async () => {
    running = await startCli(['--port', '0']);
    const url = running.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const out = running.stdout();
    expect(out).toContain(`Auth endpoint: ${url}identity/v2.0/tokens`);
    expect(out).toContain(`Try: curl -s ${url}identity/v2.0/tokens -H 'Content-Type: application/json' -d '{"auth":`);
    expect(out).toContain('Plugins: @mimic/identity, @mimic/compute, @mimic/clb');
    const curlBody = /-d '(.*)'$/m.exec(out)![1];
    const answer = await fetch(`${url}identity/v2.0/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: curlBody });
    expect(answer.status).toBe(200);
  });

  it('takes the port from MIMIC_PORT and the host from MIMIC_HOST', async () => {
    const port = await freePort();
    running = await startCli([], { env: { MIMIC_PORT: String(port), MIMIC_HOST: '0.0.0.0' } });
    expect(running.port).toBe(port);
    expect(running.stdout()).toContain(`listening on http://127.0.0.1:${port}/ (bound to 0.0.0.0)`);
  });

  it('lets the config file beat the environment', async () => {
    const [envPort, filePort] = [await freePort(), await freePort()];
    const file = writeConfig('port.json', { port: filePort, host: '127.0.0.1' });
    running = await startCli(['--config', file], { env: { MIMIC_PORT: String(envPort), MIMIC_HOST: '0.0.0.0' } });
    expect(running.port).toBe(filePort);
    expect(running.stdout()).not.toContain('bound to');
  });

  it('lets a flag beat the config file', async () => {
    const [filePort, flagPort] = [await freePort(), await freePort()];
    const file = writeConfig('flag.json', { port: filePort });
    running = await startCli(['--config', file, '--port', String(flagPort)], { env: { MIMIC_PORT: '1' } });
    expect(running.port).toBe(flagPort);
  });
});

describe('clock and auth options', () => {
  it('--clock-start sets the virtual clock', async () => {
    running = await startCli(['--port', '0', '--clock-start', '3600']);
    expect((await health(running.url)).now).toBe('1970-01-01T01:00:00.000000Z');
  });

  it('--clock-start now starts the virtual clock at the current time, and it stays there', async () => {
    const before = Math.floor(Date.now() / 1000);
    running = await startCli(['--port', '0', '--clock-start', 'now']);
    const first = Date.parse((await health(running.url)).now) / 1000;
    expect(first).toBeGreaterThanOrEqual(before);
    expect(first).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect((await health(running.url)).now).toBe(new Date(first * 1000).toISOString().replace('Z', '000Z'));
  });

  it('--realtime makes the clock follow real time from now', async () => {
    const before = Math.floor(Date.now() / 1000);
    running = await startCli(['--port', '0', '--realtime']);
    const now = Date.parse((await health(running.url)).now) / 1000;
    expect(now).toBeGreaterThanOrEqual(before);
    const tick = await fetch(`${running.url}mimic/v1.1/tick`, { method: 'POST', body: JSON.stringify({ amount: 86400 }) });
    expect(tick.status).toBe(200);
    expect(Date.parse((await health(running.url)).now) / 1000).toBeGreaterThanOrEqual(now + 86400);
  });

  it('--strict-auth makes service requests need a token of their tenant', async () => {
    running = await startCli(['--port', '0', '--strict-auth']);
    const { token, catalog } = await authenticate(running.url);
    const servers = catalog.find((entry) => entry.name === 'cloudLoadBalancers')!.endpoints[0].publicURL + '/loadbalancers';
    expect((await fetch(servers)).status).toBe(401);
    expect((await fetch(servers, { headers: { 'x-auth-token': token } })).status).toBe(200);
  });

  it('without --strict-auth service requests need no token', async () => {
    running = await startCli(['--port', '0']);
    const { catalog } = await authenticate(running.url);
    const servers = catalog.find((entry) => entry.name === 'cloudLoadBalancers')!.endpoints[0].publicURL + '/loadbalancers';
    expect((await fetch(servers)).status).toBe(200);
  });

  it('--no-default-plugins starts without identity, compute and clb', async () => {
    running = await startCli(['--port', '0', '--no-default-plugins']);
    expect((await health(running.url)).plugins).toEqual([]);
    expect(running.stdout()).toContain('Auth endpoint: none (the identity plugin is not loaded)');
    expect((await fetch(`${running.url}identity/v2.0/tokens`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
