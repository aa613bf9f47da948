import { join } from 'node:path';
import { assertBuilt, REPO, runCli, startCli, type RunningCli } from './support/cli-process';

const fixtures = 'packages/cli/test/fixtures';

let running: RunningCli | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('--plugin loads third-party plugins', () => {
  it('loads a default-export factory by path and serves its routes in the catalog', async () => {
    running = await startCli(['--port', '0', '--plugin', `./${fixtures}/plugins/default-export.js`]);
    expect(running.stdout()).toContain('Plugins: @mimic/identity, @mimic/compute, @mimic/clb, fixture-echo');
    const auth = await fetch(`${running.url}identity/v2.0/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { passwordCredentials: { username: 'u', password: 'p' } } }),
    });
    const catalog = ((await auth.json()) as { access: { serviceCatalog: Array<{ name: string; endpoints: Array<{ publicURL: string }> }> } }).access.serviceCatalog;
    expect(catalog.map((entry) => entry.name)).toEqual(expect.arrayContaining(['cloudServersOpenStack', 'cloudLoadBalancers', 'echo']));
    const echo = catalog.find((entry) => entry.name === 'echo')!.endpoints[0].publicURL;
    const answer = await fetch(`${echo}/echo`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ tenant: echo.split('/').pop() });
  });

  it('takes plugins from MIMIC_PLUGINS, and from a config file relative to the file', async () => {
    running = await startCli(['--port', '0', '--no-default-plugins'], { env: { MIMIC_PLUGINS: `./${fixtures}/plugins/descriptor-object.js` } });
    expect(await (await fetch(`${running.url}fixture/ping`)).json()).toEqual({ pong: true });
    await running.stop();
    running = await startCli(['--port', '0', '--config', join(REPO, fixtures, 'config-with-plugin.json')], { cwd: '/' });
    expect(await (await fetch(`${running.url}fixture/ping`)).json()).toEqual({ pong: true });
    // The file also chose JSON logs and no default plugins.
    expect(JSON.parse(running.stdout().split('\n')[0])).toMatchObject({ msg: 'listening', plugins: ['fixture-descriptor'] });
  });

  it('--plugin beats MIMIC_PLUGINS', async () => {
    running = await startCli(['--port', '0', '--no-default-plugins', '--plugin', `./${fixtures}/plugins/default-export.js`], {
      env: { MIMIC_PLUGINS: `./${fixtures}/plugins/descriptor-object.js` },
    });
    expect(running.stdout()).toContain('Plugins: fixture-echo\n');
  });
});

describe('a plugin that cannot be used stops the start with one line naming the module and the fix', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing path', ['--plugin', './nowhere/plugin.js'], /^mimic: plugin "\.\/nowhere\/plugin\.js": nothing loadable at .*\/nowhere\/plugin\.js\. Check the path/],
    ['a package not installed', ['--plugin', 'mimic-plugin-absent'], /^mimic: plugin "mimic-plugin-absent": package not found from .*\. Install it there \(npm install mimic-plugin-absent\)/],
    ['a module that throws', ['--plugin', `./${fixtures}/plugins/throws-on-load.js`], /^mimic: plugin ".*throws-on-load\.js" \(.*\) failed to load: database driver not found\. Fix the module/],
    ['no descriptor exported', ['--plugin', `./${fixtures}/plugins/no-export.js`], /^mimic: plugin ".*no-export\.js" \(.*\) exports no plugin descriptor\. Export the descriptor made by definePlugin/],
    ['a malformed descriptor', ['--plugin', `./${fixtures}/plugins/no-setup.js`], /^mimic: plugin ".*no-setup\.js" is not a valid Mimic plugin: Plugin "fixture-no-setup": `setup` must be a function\. Add setup/],
    ['an incompatible core', ['--plugin', `./${fixtures}/plugins/old-core.js`], /^mimic: plugin ".*old-core\.js" is not a valid Mimic plugin: Plugin "fixture-old-core": needs @mimic\/core \^9\.0\.0 but this is 0\.1\.0\. Install a matching @mimic\/core/],
    ['a factory that throws', ['--plugin', `./${fixtures}/plugins/factory-throws.js`], /^mimic: plugin ".*factory-throws\.js": its factory threw ".*"\. Make the exported factory work when called with no arguments$/],
    ['the same plugin twice', ['--plugin', './examples/dns', '--plugin', './examples/dns'], /^mimic: Plugin "mimic-plugin-dns": is installed twice\. Pass each plugin/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const result = await runCli(['--port', '0', ...args]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
