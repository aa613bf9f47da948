import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError, isPathSpec, loadPlugin } from '@mimic/cli';

const fixtures = join(__dirname, 'fixtures/plugins');
const examples = resolve(__dirname, '../../../examples');

function failure(spec: string, base = fixtures): string {
  try {
    loadPlugin({ spec, base });
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error(`expected ${spec} to fail`);
}

describe('loadPlugin', () => {
  it('loads a directory with a package.json main (the DNS example) by relative path', () => {
    const plugin = loadPlugin({ spec: './dns', base: examples });
    expect(plugin.name).toBe('mimic-plugin-dns');
    expect(plugin.services?.map((s) => s.name)).toEqual(['cloudDNS']);
  });

  it('accepts a default-export factory and a plain descriptor object', () => {
    expect(loadPlugin({ spec: './default-export.js', base: fixtures }).name).toBe('fixture-echo');
    expect(loadPlugin({ spec: join(fixtures, 'descriptor-object.js'), base: '/' }).name).toBe('fixture-descriptor');
  });

  it('resolves a package name from the node_modules of the base directory', () => {
    const project = mkdtempSync(join(tmpdir(), 'mimic-plugins-'));
    try {
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(join(examples, 'dns'), join(project, 'node_modules/mimic-plugin-dns'), 'dir');
      expect(loadPlugin({ spec: 'mimic-plugin-dns', base: project }).name).toBe('mimic-plugin-dns');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('tells a path from a package name', () => {
    expect(['./x', '../x', '/abs/x', 'C:\\x'].map(isPathSpec)).toEqual([true, true, true, true]);
    expect(['mimic-plugin-dns', '@acme/mimic-queues'].map(isPathSpec)).toEqual([false, false]);
  });

  it('names the module and the fix for every failure', () => {
    expect(failure('./nope.js')).toBe(
      `plugin "./nope.js": nothing loadable at ${join(fixtures, 'nope.js')}. Check the path (relative to ${fixtures}); a directory needs a package.json "main" or an index.js`,
    );
    expect(failure('mimic-plugin-not-installed')).toBe(
      `plugin "mimic-plugin-not-installed": package not found from ${fixtures}. Install it there (npm install mimic-plugin-not-installed) or pass a path such as ./mimic-plugin-not-installed`,
    );
    expect(failure('./throws-on-load.js')).toMatch(
      /^plugin "\.\/throws-on-load\.js" \(.*throws-on-load\.js\) failed to load: database driver not found\. Fix the module/,
    );
    expect(failure('./no-export.js')).toMatch(/^plugin "\.\/no-export\.js" \(.*\) exports no plugin descriptor\. Export the descriptor made by definePlugin/);
    expect(failure('./no-setup.js')).toBe(
      'plugin "./no-setup.js" is not a valid Mimic plugin: Plugin "fixture-no-setup": `setup` must be a function. Add setup(context) { ... } that registers the routes.',
    );
    expect(failure('./old-core.js')).toBe(
      'plugin "./old-core.js" is not a valid Mimic plugin: Plugin "fixture-old-core": needs @mimic/core ^9.0.0 but this is 0.1.0. Install a matching @mimic/core or a plugin release built for this one.',
    );
    expect(failure('./factory-throws.js')).toMatch(
      /^plugin "\.\/factory-throws\.js": its factory threw ".*"\. Make the exported factory work when called with no arguments$/,
    );
  });
});
