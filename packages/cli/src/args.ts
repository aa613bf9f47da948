import { Command, CommanderError } from 'commander';
import { DEFAULTS, LOG_FORMATS, LOG_LEVELS, type CliFlags } from './config';

export interface OutputStreams {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const EPILOG = `
Precedence: command-line flags beat the --config file, which beats the
environment (MIMIC_HOST, MIMIC_PORT, MIMIC_PLUGINS=comma,separated,list),
which beats the defaults. A config file holds the same options in camelCase:
  {"port": 9000, "realtime": true, "plugins": ["./examples/dns"], "logFormat": "json"}

Examples:
  mimic                                   identity, compute and clb on 127.0.0.1:8900
  mimic --port 9000 --host 0.0.0.0
  mimic --plugin ./examples/dns           add a third-party plugin (path or npm package)
  mimic --no-default-plugins --plugin mimic-plugin-dns
`;

/** The `mimic` command line. Defaults are applied later (config.ts), so an absent flag never hides the file or the environment. */
export function buildProgram(version: string, output: OutputStreams): Command {
  return new Command('mimic')
    .description('Mimic: a lightweight, controllable mock of Rackspace Identity, Nova and Cloud Load Balancers')
    .version(version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help and exit')
    .option('--host <host>', `address to listen on (default: ${DEFAULTS.host}; env MIMIC_HOST)`)
    .option('-p, --port <port>', `port to listen on, 0 = any free port (default: ${DEFAULTS.port}; env MIMIC_PORT)`)
    .option('--realtime', 'the clock follows real time (from now, or from --clock-start) instead of moving only on tick')
    .option('--clock-start <seconds|now>', 'clock value at start, in epoch seconds, or "now" (default: 0 = 1970-01-01T00:00:00Z)')
    .option('--strict-auth', "identity's opt-in token check: service requests need an X-Auth-Token of their tenant")
    .option('--plugin <package|path>', 'load a third-party plugin (npm package name or path); repeatable (env MIMIC_PLUGINS)', collect)
    .option('--no-default-plugins', 'start without the bundled identity, compute and clb plugins')
    .option('-c, --config <file.json>', 'read options from a JSON file')
    .option('--log-level <level>', `${LOG_LEVELS.join('|')} (default: ${DEFAULTS.logLevel})`)
    .option('--log-format <format>', `${LOG_FORMATS.join('|')} (default: ${DEFAULTS.logFormat})`)
    .addHelpText('after', EPILOG)
    .allowExcessArguments(false)
    .showHelpAfterError('(run mimic --help for every option)')
    .configureOutput({ writeOut: output.writeOut, writeErr: output.writeErr })
    .exitOverride();
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export type ParsedArgs = { kind: 'run'; flags: CliFlags } | { kind: 'exit'; code: number };

/**
 * Parses `argv` (without node and script). Help and version are printed by
 * commander and become `{kind: 'exit', code: 0}`; a usage error is printed and
 * becomes code 1.
 */
export function parseArgs(args: readonly string[], version: string, output: OutputStreams): ParsedArgs {
  const program = buildProgram(version, output);
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { kind: 'exit', code: error.exitCode === 0 ? 0 : 1 };
    throw error;
  }
  const opts = program.opts<CliFlags>();
  const flags: CliFlags = { ...opts };
  // commander reports defaultPlugins=true when the flag is absent; only an explicit --no-default-plugins counts.
  if (program.getOptionValueSource('defaultPlugins') !== 'cli') delete flags.defaultPlugins;
  return { kind: 'run', flags };
}
