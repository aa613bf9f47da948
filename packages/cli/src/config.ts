import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

/** A `--plugin` value and the directory a relative path in it is relative to. */
export interface PluginRef {
  spec: string;
  base: string;
}

/** The settings the CLI runs with, after every source is merged. */
export interface MimicConfig {
  host: string;
  port: number;
  realtime: boolean;
  /** Clock start in epoch seconds; undefined = 0 (virtual) or now (realtime). */
  clockStart?: number;
  strictAuth: boolean;
  defaultPlugins: boolean;
  plugins: PluginRef[];
  logLevel: LogLevel;
  logFormat: LogFormat;
}

/** What one source (flags, config file, environment) says; absent keys leave the decision to the next source. */
export interface ConfigLayer {
  host?: string;
  port?: number;
  realtime?: boolean;
  clockStart?: number | 'now';
  strictAuth?: boolean;
  defaultPlugins?: boolean;
  plugins?: PluginRef[];
  logLevel?: LogLevel;
  logFormat?: LogFormat;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8900,
  realtime: false,
  strictAuth: false,
  defaultPlugins: true,
  logLevel: 'info',
  logFormat: 'pretty',
} as const satisfies Partial<MimicConfig>;

/** The flags as commander hands them over: strings, booleans and the repeated `--plugin` list. */
export interface CliFlags {
  host?: string;
  port?: string;
  realtime?: boolean;
  clockStart?: string;
  strictAuth?: boolean;
  /** false only when `--no-default-plugins` was given. */
  defaultPlugins?: boolean;
  plugin?: string[];
  config?: string;
  logLevel?: string;
  logFormat?: string;
}

function parsePort(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new CliError(`${where} must be a port number from 0 to 65535 (0 picks a free port), got ${JSON.stringify(value)}`);
  }
  return n;
}

function parseHost(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CliError(`${where} must be a host name or address, e.g. 127.0.0.1 or 0.0.0.0, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

function parseClockStart(value: unknown, where: string): number | 'now' {
  if (value === 'now') return 'now';
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw new CliError(`${where} must be epoch seconds (a number >= 0) or "now", got ${JSON.stringify(value)}`);
  }
  return n;
}

function parseEnum<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${where} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function parseBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new CliError(`${where} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** Command-line flags as a layer; relative plugin paths are relative to `cwd`. */
export function layerFromFlags(flags: CliFlags, cwd: string): ConfigLayer {
  const layer: ConfigLayer = {};
  if (flags.host !== undefined) layer.host = parseHost(flags.host, '--host');
  if (flags.port !== undefined) layer.port = parsePort(flags.port, '--port');
  if (flags.realtime) layer.realtime = true;
  if (flags.clockStart !== undefined) layer.clockStart = parseClockStart(flags.clockStart, '--clock-start');
  if (flags.strictAuth) layer.strictAuth = true;
  if (flags.defaultPlugins === false) layer.defaultPlugins = false;
  if (flags.plugin !== undefined && flags.plugin.length > 0) layer.plugins = flags.plugin.map((spec) => ({ spec, base: cwd }));
  if (flags.logLevel !== undefined) layer.logLevel = parseEnum(flags.logLevel, LOG_LEVELS, '--log-level');
  if (flags.logFormat !== undefined) layer.logFormat = parseEnum(flags.logFormat, LOG_FORMATS, '--log-format');
  return layer;
}

/** `MIMIC_HOST`, `MIMIC_PORT` and `MIMIC_PLUGINS` (comma-separated, relative to `cwd`); empty values count as unset. */
export function layerFromEnv(env: NodeJS.ProcessEnv, cwd: string): ConfigLayer {
  const layer: ConfigLayer = {};
  if (env.MIMIC_HOST) layer.host = parseHost(env.MIMIC_HOST, 'MIMIC_HOST');
  if (env.MIMIC_PORT) layer.port = parsePort(env.MIMIC_PORT, 'MIMIC_PORT');
  if (env.MIMIC_PLUGINS) {
    const specs = env.MIMIC_PLUGINS.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (specs.length > 0) layer.plugins = specs.map((spec) => ({ spec, base: cwd }));
  }
  return layer;
}

/** Config-file keys: the long option names in camelCase (kebab-case is accepted too). */
const FILE_KEYS: Record<string, keyof ConfigLayer> = {
  host: 'host',
  port: 'port',
  realtime: 'realtime',
  clockStart: 'clockStart',
  'clock-start': 'clockStart',
  strictAuth: 'strictAuth',
  'strict-auth': 'strictAuth',
  plugins: 'plugins',
  defaultPlugins: 'defaultPlugins',
  'default-plugins': 'defaultPlugins',
  logLevel: 'logLevel',
  'log-level': 'logLevel',
  logFormat: 'logFormat',
  'log-format': 'logFormat',
};

/** A parsed config file as a layer; relative plugin paths in it are relative to the file's directory. */
export function layerFromFile(data: unknown, file: string): ConfigLayer {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(`config file ${file} must hold a JSON object such as {"port": 8900, "plugins": ["./my-plugin"]}`);
  }
  const layer: ConfigLayer = {};
  for (const [key, value] of Object.entries(data)) {
    const field = FILE_KEYS[key];
    const where = `"${key}" in ${file}`;
    if (field === undefined) {
      throw new CliError(`unknown key "${key}" in config file ${file}; known keys: ${Object.keys(FILE_KEYS).filter((k) => !k.includes('-')).join(', ')}`);
    }
    switch (field) {
      case 'host': layer.host = parseHost(value, where); break;
      case 'port': layer.port = parsePort(value, where); break;
      case 'clockStart': layer.clockStart = parseClockStart(value, where); break;
      case 'logLevel': layer.logLevel = parseEnum(value, LOG_LEVELS, where); break;
      case 'logFormat': layer.logFormat = parseEnum(value, LOG_FORMATS, where); break;
      case 'realtime':
      case 'strictAuth':
      case 'defaultPlugins':
        layer[field] = parseBoolean(value, where);
        break;
      case 'plugins':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
          throw new CliError(`${where} must be a list of npm package names or paths, e.g. ["./examples/dns"]`);
        }
        layer.plugins = value.map((spec: string) => ({ spec, base: dirname(file) }));
        break;
    }
  }
  return layer;
}

/** Reads and parses `--config <file>` (relative to `cwd`). */
export function readConfigFile(path: string, cwd: string): { file: string; data: unknown } {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new CliError(`cannot read config file ${file}: ${why}. Check the --config path`);
  }
  try {
    return { file, data: JSON.parse(text) };
  } catch (error) {
    throw new CliError(`config file ${file} is not valid JSON (${(error as Error).message}). Fix the file`);
  }
}

export interface ResolveInput {
  flags: ConfigLayer;
  file?: ConfigLayer;
  env: ConfigLayer;
  /** Current time in epoch seconds, for `--clock-start now` and `--realtime`. */
  nowSeconds: () => number;
}

/** Merges the sources: flags beat the file, the file beats the environment, the environment beats the defaults. */
export function resolveConfig(input: ResolveInput): MimicConfig {
  const merged: ConfigLayer = { ...DEFAULTS };
  for (const layer of [input.env, input.file ?? {}, input.flags]) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  const realtime = merged.realtime ?? false;
  let clockStart: number | undefined;
  if (merged.clockStart === 'now' || (merged.clockStart === undefined && realtime)) clockStart = Math.floor(input.nowSeconds());
  else clockStart = merged.clockStart;
  return {
    host: merged.host ?? DEFAULTS.host,
    port: merged.port ?? DEFAULTS.port,
    realtime,
    ...(clockStart === undefined ? {} : { clockStart }),
    strictAuth: merged.strictAuth ?? DEFAULTS.strictAuth,
    defaultPlugins: merged.defaultPlugins ?? DEFAULTS.defaultPlugins,
    plugins: merged.plugins ?? [],
    logLevel: merged.logLevel ?? DEFAULTS.logLevel,
    logFormat: merged.logFormat ?? DEFAULTS.logFormat,
  };
}
