import { createServer, type Server } from 'node:net';
import { connect } from 'node:net';
import { assertBuilt, runCli, startCli, type RunningCli } from './support/cli-process';

let running: RunningCli | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  if (running && running.child.exitCode === null) await running.stop();
  running = undefined;
});

describe('request logging', () => {
  it('--log-format json writes one JSON line per request with method, path, status and ms', async () => {
    running = await startCli(['--port', '0', '--log-format', 'json']);
    const banner = JSON.parse(running.stdout().split('\n')[0]) as Record<string, unknown>;
    expect(banner).toMatchObject({ msg: 'listening', url: running.url, authEndpoint: `${running.url}identity/v2.0/tokens` });
    expect(banner.curl).toContain(`curl -s ${running.url}identity/v2.0/tokens`);
    expect((await fetch(`${running.url}nowhere`)).status).toBe(404);
    const line = await running.waitForOutput(/^.*"path":"\/nowhere".*$/m);
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/nowhere', status: 404 });
    expect(typeof record.ms).toBe('number');
    expect(typeof record.time).toBe('string');
  });

  it('--log-format pretty (the default) writes one readable line per request', async () => {
    running = await startCli(['--port', '0']);
    await fetch(`${running.url}mimic/v1.1/tick`, { method: 'POST', body: '{"amount": 1}' });
    const line = await running.waitForOutput(/^.*POST \/mimic\/v1\.1\/tick.*$/m);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: POST \/mimic\/v1\.1\/tick 200 \d+(\.\d+)?ms$/);
  });

  it('--log-level warn leaves requests out', async () => {
    running = await startCli(['--port', '0', '--log-level', 'warn', '--log-format', 'json']);
    expect((await fetch(`${running.url}mimic/v1.0/health`)).status).toBe(200);
    const finished = await running.stop('SIGTERM');
    expect(finished.code).toBe(0);
    expect(finished.stdout.trim().split('\n')).toHaveLength(1); // the banner only
  });
});

describe('shutdown', () => {
  it('SIGINT on an idle server exits 0', async () => {
    running = await startCli(['--port', '0']);
    const finished = await running.stop('SIGINT');
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain('SIGINT: shutting down');
    expect(finished.stdout).toContain('INFO: stopped');
  });

  it('SIGTERM stops accepting connections, finishes the request in flight, then exits 0', async () => {
    running = await startCli(['--port', '0']);
    const { port } = running;
    // A tick whose body is still on its way: the request is in flight until the body ends.
    const socket = connect(port, '127.0.0.1');
    const body = '{"amount": 5}';
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise((done) => socket.on('close', done));
    await new Promise<void>((done) => socket.write(`POST /mimic/v1.1/tick HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 3)}`, () => done()));
    // A full round trip on another connection: by then the server has read the first request's head.
    expect((await fetch(`${running.url}mimic/v1.0/health`, { headers: { connection: 'close' } })).status).toBe(200);
    running.child.kill('SIGTERM');
    await running.waitForOutput(/SIGTERM: shutting down/);
    await expect(fetch(`${running.url}mimic/v1.0/health`)).rejects.toThrow();
    socket.end(body.slice(3));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain('"advanced":5');
    const finished = await running.exited;
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/POST \/mimic\/v1\.1\/tick 200/);
  });
});

describe('port already in use', () => {
  let blocker: Server;
  afterEach(() => new Promise((done) => blocker.close(done)));

  it('exits 1 with a one-line explanation, no stack trace', async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    const result = await runCli(['--port', String(port)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `mimic: port ${port} on 127.0.0.1 is already in use. Stop the process using it or choose another port with --port (or MIMIC_PORT)\n`,
    );
  });
});
