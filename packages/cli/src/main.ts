import { clb } from '@mimic/clb';
import { compute } from '@mimic/compute';
import { createMimic, wallClockSeconds, type Mimic, type MimicPlugin } from '@mimic/core';
import { identity } from '@mimic/identity';
import type { Logger } from 'pino';
import { parseArgs } from './args';
import { startBanner } from './banner';
import { layerFromEnv, layerFromFile, layerFromFlags, readConfigFile, resolveConfig, type MimicConfig } from './config';
import { CliError } from './errors';
import { createLogger } from './logging';
import { loadPlugin } from './plugins';
import { cliVersion } from './version';

/** The process surface the CLI uses, injectable so the pieces stay testable. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  nowSeconds(): number;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  nowSeconds: wallClockSeconds,
};

/** The bundled plugins, in catalog order. */
export function bundledPlugins(config: Pick<MimicConfig, 'strictAuth'>): MimicPlugin[] {
  return [identity({ strictAuth: config.strictAuth }), compute(), clb()];
}

/** Command line + config file + environment → settings, or an exit code (help, version, usage error). */
export function configure(args: readonly string[], io: CliIo): { kind: 'run'; config: MimicConfig } | { kind: 'exit'; code: number } {
  const parsed = parseArgs(args, cliVersion(), { writeOut: io.stdout, writeErr: io.stderr });
  if (parsed.kind === 'exit') return parsed;
  const flags = layerFromFlags(parsed.flags, io.cwd);
  const file = parsed.flags.config === undefined ? undefined : readConfigFile(parsed.flags.config, io.cwd);
  return {
    kind: 'run',
    config: resolveConfig({
      flags,
      file: file && layerFromFile(file.data, file.file),
      env: layerFromEnv(io.env, io.cwd),
      nowSeconds: io.nowSeconds,
    }),
  };
}

/** Bundled plugins (unless turned off), then each third-party plugin in the order given. */
export function pluginsFor(config: MimicConfig): MimicPlugin[] {
  return [...(config.defaultPlugins ? bundledPlugins(config) : []), ...config.plugins.map(loadPlugin)];
}

/** Turns a listen failure into a sentence that says what to do. */
export function listenError(error: NodeJS.ErrnoException, config: Pick<MimicConfig, 'host' | 'port'>): CliError | undefined {
  const where = `${config.host}:${config.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new CliError(`port ${config.port} on ${config.host} is already in use. Stop the process using it or choose another port with --port (or MIMIC_PORT)`);
    case 'EACCES':
      return new CliError(`not allowed to listen on ${where} (ports below 1024 need privileges). Choose another port with --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new CliError(`cannot listen on ${config.host}: no such address on this machine. Use --host 127.0.0.1 or --host 0.0.0.0`);
    default:
      return undefined;
  }
}

export interface RunningMimic {
  mimic: Mimic;
  logger: Logger;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  stop(): Promise<void>;
}

/** Starts Mimic with resolved settings and prints the start banner. */
export async function start(config: MimicConfig, io: CliIo): Promise<RunningMimic> {
  const plugins = pluginsFor(config);
  const logger = createLogger(config.logLevel, config.logFormat);
  if (config.strictAuth && !plugins.some((p) => p.name === '@mimic/identity')) {
    logger.warn('--strict-auth has no effect: the identity plugin is not loaded');
  }
  let mimic: Mimic;
  try {
    mimic = await createMimic({
      plugins,
      host: config.host,
      port: config.port,
      clock: { mode: config.realtime ? 'realtime' : 'virtual', start: config.clockStart ?? 0 },
      logger,
      // At warn and above the request log prints nothing: skip its middleware (a timer and an object per request).
      logRequests: logger.isLevelEnabled('info'),
    });
  } catch (error) {
    throw listenError(error as NodeJS.ErrnoException, config) ?? error;
  }
  const banner = startBanner({
    version: cliVersion(),
    host: config.host,
    port: mimic.port,
    plugins: plugins.map((p) => p.name),
    hasIdentity: plugins.some((p) => p.name === '@mimic/identity'),
  });
  if (config.logFormat === 'json') {
    const { lines: _lines, ...fields } = banner;
    io.stdout(`${JSON.stringify({ msg: 'listening', version: cliVersion(), plugins: plugins.map((p) => p.name), ...fields })}\n`);
  } else {
    io.stdout(`${banner.lines.join('\n')}\n`);
  }
  return { mimic, logger, stop: () => mimic.close() };
}

/** Prints a user-fixable error as one line; anything else is a bug and keeps its stack. */
function report(error: unknown, io: CliIo): void {
  if (error instanceof CliError || (error as Error)?.name === 'PluginError') {
    io.stderr(`mimic: ${(error as Error).message}\n`);
  } else {
    io.stderr(`mimic: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
}

/** The whole `mimic` command: parse, start, and stop gracefully on SIGINT/SIGTERM (exit 0). */
export async function main(args: readonly string[] = process.argv.slice(2), io: CliIo = processIo): Promise<void> {
  let running: RunningMimic | undefined;
  let stopping: NodeJS.Signals | undefined;
  const shutDown = (server: RunningMimic, signal: NodeJS.Signals) => {
    server.logger.info(`${signal}: shutting down (no new connections; finishing requests in flight)`);
    server.stop().then(
      () => {
        server.logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        report(error, io);
        process.exit(1);
      },
    );
  };
  // Installed before the banner is printed, so a signal sent as soon as it appears is still graceful.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.stderr(`mimic: ${signal} again, exiting without waiting for requests in flight\n`);
      process.exit(1);
    }
    stopping = signal;
    if (running) shutDown(running, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const configured = configure(args, io);
    if (configured.kind === 'exit') {
      process.exitCode = configured.code;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return;
    }
    running = await start(configured.config, io);
  } catch (error) {
    report(error, io);
    process.exit(1);
  }
  // A signal during start-up: stop now that there is something to stop.
  if (stopping) shutDown(running, stopping);
}
