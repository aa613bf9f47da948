import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, authenticate, REPO, startCli } from './support/cli-process';

const run = promisify(execFile);

/**
 * Installs Mimic the way users do: `npm pack` each publishable package, then
 * `npm install` the tarballs into an empty project outside the repository
 * (so nothing resolves to the workspace), and starts it there through
 * createMimic and through the `mimic` bin.
 */
const PACKAGES = ['packages/core', 'packages/identity', 'packages/compute', 'packages/clb', 'packages/cli', 'examples/dns'];

let work: string;
let project: string;
const tarballs = new Map<string, string>();

async function npmInstall(files: string[]): Promise<void> {
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', ...files];
  try {
    await run('npm', [...args, '--offline'], { cwd: project });
  } catch {
    // Something is missing from the local npm cache: fetch it.
    await run('npm', args, { cwd: project });
  }
}

beforeAll(async () => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'mimic-pack-'));
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-mimic', version: '1.0.0', private: true }));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work, ...PACKAGES.map((p) => `./${p}`)], { cwd: REPO });
  const packed = JSON.parse(stdout) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>;
  for (const entry of packed) {
    tarballs.set(entry.name, join(work, entry.filename.replace(/^@/, '').replace('/', '-')));
    const paths = entry.files.map((f) => f.path);
    expect(paths).toContain('package.json');
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/') || p.endsWith('.tsbuildinfo'))).toBe(false);
    if (entry.name.startsWith('@mimic/')) expect(paths).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts']));
  }
  expect([...tarballs.keys()].sort()).toEqual(['@mimic/clb', '@mimic/cli', '@mimic/compute', '@mimic/core', '@mimic/identity', 'mimic-plugin-dns']);
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

it('installs core with a subset of plugins and starts through createMimic, then the CLI with a third-party plugin', async () => {
  // 1. core + identity + clb only, used from code.
  await npmInstall(['@mimic/core', '@mimic/identity', '@mimic/clb'].map((name) => tarballs.get(name)!));
  writeFileSync(
    join(project, 'start.js'),
    `const { createMimic } = require('@mimic/core');
const { identity } = require('@mimic/identity');
const { clb } = require('@mimic/clb');
(async () => {
  const mimic = await createMimic({ plugins: [identity(), clb()], port: 0 });
  const answer = await fetch(mimic.url + 'identity/v2.0/tokens', {
    method: 'POST',
    body: JSON.stringify({ auth: { passwordCredentials: { username: 'packed', password: 'x' } } }),
  });
  const body = await answer.json();
  console.log(JSON.stringify({ status: answer.status, catalog: body.access.serviceCatalog.map((e) => e.name), core: require.resolve('@mimic/core') }));
  await mimic.close();
})();
`,
  );
  const { stdout } = await run(process.execPath, ['start.js'], { cwd: project });
  const result = JSON.parse(stdout) as { status: number; catalog: string[]; core: string };
  expect(result.status).toBe(200);
  expect(result.catalog).toEqual(['cloudLoadBalancers', 'cloudLoadBalancerControl']);
  expect(result.core.startsWith(join(project, 'node_modules'))).toBe(true);
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/@mimic/core/package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe('0.1.0');

  // 2. Add the CLI (which brings every bundled plugin) and the DNS example, then run the installed bin.
  await npmInstall(['@mimic/compute', '@mimic/cli', 'mimic-plugin-dns'].map((name) => tarballs.get(name)!));
  const cli = await startCli(['--port', '0', '--plugin', 'mimic-plugin-dns'], { cwd: project, bin: join(project, 'node_modules/.bin/mimic') });
  try {
    expect(cli.stdout()).toContain('Plugins: @mimic/identity, @mimic/compute, @mimic/clb, mimic-plugin-dns');
    const { status, catalog } = await authenticate(cli.url, 'packed-cli');
    expect(status).toBe(200);
    expect(catalog.map((entry) => entry.name)).toEqual(expect.arrayContaining(['cloudServersOpenStack', 'cloudLoadBalancers', 'cloudDNS']));
  } finally {
    expect((await cli.stop('SIGTERM')).code).toBe(0);
  }
}, 120_000);
