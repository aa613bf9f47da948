import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../../..');
export const BIN = join(REPO, 'packages/cli/dist/bin.js');

/** The CLI under test is the built one (what `npm start` and users run); `npm test` builds first. */
export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests`);
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  bin?: string;
}

/** A clean environment: no MIMIC_* leaking from the developer's shell. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('MIMIC_')) env[key] = value;
  return { ...env, ...extra };
}

function launch(args: string[], options: RunOptions): ChildProcess {
  return spawn(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { out: () => string; err: () => string; exited: Promise<Finished> } {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Finished>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { out: () => stdout, err: () => stderr, exited };
}

/** Runs the CLI to completion (help, version, errors). */
export async function runCli(args: string[], options: RunOptions = {}): Promise<Finished> {
  return collect(launch(args, options)).exited;
}

export interface RunningCli {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/` as printed by the banner. */
  url: string;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when `text` (or a match) has appeared on stdout. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Finished>;
  exited: Promise<Finished>;
}

const LISTENING = /listening on (http:\/\/[^/\s]+:(\d+)\/)|"url":"(http:\/\/[^"]+:(\d+)\/)"/;

/** Starts the CLI (on `--port 0` unless the args say otherwise) and waits for its start banner. */
export async function startCli(args: string[], options: RunOptions = {}): Promise<RunningCli> {
  const child = launch(args, options);
  const { out, err, exited } = collect(child);
  const waitForOutput = (pattern: RegExp) =>
    new Promise<string>((done, fail) => {
      const check = () => {
        const match = pattern.exec(out());
        if (match) {
          child.stdout!.off('data', check);
          done(match[0]);
        }
      };
      child.stdout!.on('data', check);
      exited.then((f) => fail(new Error(`mimic exited (${f.code}) before printing ${pattern}:\n${f.stdout}\n${f.stderr}`)));
      check();
    });
  const banner = await waitForOutput(LISTENING);
  const match = LISTENING.exec(banner)!;
  const url = match[1] ?? match[3];
  const port = Number(match[2] ?? match[4]);
  return {
    child,
    url,
    port,
    stdout: out,
    stderr: err,
    waitForOutput,
    exited,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Authenticates against a running Mimic and returns the token, tenant and catalog. */
export async function authenticate(url: string, username = 'demo') {
  const response = await fetch(`${url}identity/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username, password: 'x' } } }),
  });
  const body = (await response.json()) as {
    access: { token: { id: string; tenant: { id: string } }; serviceCatalog: Array<{ name: string; type: string; endpoints: Array<{ publicURL: string; region: string }> }> };
  };
  return { status: response.status, token: body.access.token.id, tenant: body.access.token.tenant.id, catalog: body.access.serviceCatalog };
}
