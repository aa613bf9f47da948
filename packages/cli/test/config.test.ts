import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, layerFromEnv, layerFromFile, layerFromFlags, parseArgs, readConfigFile, resolveConfig } from '@mimic/cli';

const cwd = '/work/project';
const now = () => 1_700_000_000.75;
const silent = { writeOut: () => undefined, writeErr: () => undefined };

function resolveFrom(args: string[], file?: unknown, env: NodeJS.ProcessEnv = {}) {
  const parsed = parseArgs(args, '0.0.0', silent);
  if (parsed.kind !== 'run') throw new Error('expected to run');
  return resolveConfig({
    flags: layerFromFlags(parsed.flags, cwd),
    file: file === undefined ? undefined : layerFromFile(file, '/etc/mimic/config.json'),
    env: layerFromEnv(env, cwd),
    nowSeconds: now,
  });
}

describe('resolveConfig: flags > file > env > defaults', () => {
  it('uses the defaults when nothing is given', () => {
    expect(resolveFrom([])).toEqual({
      host: '127.0.0.1',
      port: 8900,
      realtime: false,
      strictAuth: false,
      defaultPlugins: true,
      plugins: [],
      logLevel: 'info',
      logFormat: 'pretty',
    });
  });

  it('takes host, port and plugins from the environment', () => {
    const config = resolveFrom([], undefined, { MIMIC_HOST: '0.0.0.0', MIMIC_PORT: '9001', MIMIC_PLUGINS: './a, b ,,' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9001, plugins: [{ spec: './a', base: cwd }, { spec: 'b', base: cwd }] });
  });

  it('lets the file beat the environment, and resolves its plugin paths from the file directory', () => {
    const config = resolveFrom([], { port: 9002, plugins: ['./dns'] }, { MIMIC_HOST: '0.0.0.0', MIMIC_PORT: '9001', MIMIC_PLUGINS: './a' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9002, plugins: [{ spec: './dns', base: '/etc/mimic' }] });
  });

  it('lets flags beat the file and the environment, option by option', () => {
    const file = { host: '10.0.0.1', port: 9002, logLevel: 'debug', logFormat: 'json', strictAuth: false, plugins: ['./dns'] };
    const config = resolveFrom(['--port', '9003', '--plugin', 'x', '--plugin', './y', '--strict-auth'], file, { MIMIC_PORT: '9001' });
    expect(config).toMatchObject({
      host: '10.0.0.1',
      port: 9003,
      logLevel: 'debug',
      logFormat: 'json',
      strictAuth: true,
      plugins: [{ spec: 'x', base: cwd }, { spec: './y', base: cwd }],
    });
  });

  it('turns the default plugins off only when asked', () => {
    expect(resolveFrom(['--no-default-plugins']).defaultPlugins).toBe(false);
    expect(resolveFrom([], { defaultPlugins: false }).defaultPlugins).toBe(false);
    expect(resolveFrom([], { defaultPlugins: true }).defaultPlugins).toBe(true);
  });

  it('reads --clock-start as epoch seconds or now, and starts a realtime clock at now', () => {
    expect(resolveFrom(['--clock-start', '3600']).clockStart).toBe(3600);
    expect(resolveFrom(['--clock-start', 'now']).clockStart).toBe(1_700_000_000);
    expect(resolveFrom(['--realtime'])).toMatchObject({ realtime: true, clockStart: 1_700_000_000 });
    expect(resolveFrom(['--realtime', '--clock-start', '60'])).toMatchObject({ realtime: true, clockStart: 60 });
    expect(resolveFrom([]).clockStart).toBeUndefined();
    expect(resolveFrom([], { 'clock-start': 'now', realtime: true })).toMatchObject({ realtime: true, clockStart: 1_700_000_000 });
  });

  it('accepts kebab-case keys in the file too', () => {
    expect(resolveFrom([], { 'log-level': 'warn', 'strict-auth': true, 'default-plugins': false })).toMatchObject({
      logLevel: 'warn',
      strictAuth: true,
      defaultPlugins: false,
    });
  });
});

describe('invalid settings name their source and the fix', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['--port text', () => resolveFrom(['--port', 'abc']), /^--port must be a port number from 0 to 65535/],
    ['--port too big', () => resolveFrom(['--port', '70000']), /^--port must be a port number/],
    ['MIMIC_PORT', () => resolveFrom([], undefined, { MIMIC_PORT: '-1' }), /^MIMIC_PORT must be a port number/],
    ['file port fraction', () => resolveFrom([], { port: 9000.5 }), /^"port" in \/etc\/mimic\/config.json must be a port number/],
    ['--clock-start', () => resolveFrom(['--clock-start', 'yesterday']), /^--clock-start must be epoch seconds .* or "now"/],
    ['--log-level', () => resolveFrom(['--log-level', 'loud']), /^--log-level must be one of fatal, error, warn, info, debug, trace, silent/],
    ['--log-format', () => resolveFrom(['--log-format', 'xml']), /^--log-format must be one of json, pretty/],
    ['unknown file key', () => resolveFrom([], { prot: 1 }), /^unknown key "prot" in config file .*; known keys: host, port/],
    ['file not an object', () => resolveFrom([], [1]), /must hold a JSON object/],
    ['file boolean', () => resolveFrom([], { realtime: 'yes' }), /"realtime" in .* must be true or false/],
    ['file plugins', () => resolveFrom([], { plugins: 'dns' }), /"plugins" in .* must be a list/],
    ['empty host', () => resolveFrom(['--host', ' ']), /^--host must be a host name or address/],
  ];
  it.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(CliError);
    expect(run).toThrow(message);
  });
});

describe('readConfigFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mimic-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JSON relative to the cwd', () => {
    writeFileSync(join(dir, 'ok.json'), '{"port": 1234}');
    expect(readConfigFile('ok.json', dir)).toEqual({ file: join(dir, 'ok.json'), data: { port: 1234 } });
  });

  it('says when the file is missing or not JSON', () => {
    writeFileSync(join(dir, 'bad.json'), '{port: 1}');
    expect(() => readConfigFile('missing.json', dir)).toThrow(`cannot read config file ${join(dir, 'missing.json')}: no such file`);
    expect(() => readConfigFile('bad.json', dir)).toThrow(/bad.json is not valid JSON .*Fix the file/);
  });
});
