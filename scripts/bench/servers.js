'use strict';
// Starting, timing and stopping the processes under test: Mimic (through its CLI) and the bare node:http server.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { pinServer } = require('./pinning');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'packages/cli/dist/bin.js');
const HOST = '127.0.0.1';

/** A port that was free a moment ago (the kernel picks it; loopback only). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The command that starts Mimic on `port`: the CLI, as a user runs it. Request
 * logging is off (`--log-level warn`) unless `logLevel` says otherwise; the
 * default pretty per-request log is measured as a case of its own.
 * BENCH_MIMIC_ARGS adds flags (e.g. "--strict-auth" or "--plugin ./x").
 */
function mimicCommand(port, { logLevel = 'warn' } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const extra = (process.env.BENCH_MIMIC_ARGS ?? '').split(/\s+/).filter(Boolean);
  return [CLI, '--port', String(port), '--host', HOST, '--log-level', logLevel, ...extra];
}

/** One GET / attempt; resolves true on any HTTP answer, false when nothing listens yet. */
function answers(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
    });
    req.on('error', () => resolve(false));
  });
}

/**
 * Spawns `node <args>` and resolves once GET / is answered, with the
 * milliseconds from spawn to that first answer.
 */
async function launch(args, port, { timeoutMs = 15_000, nodeArgs = [], pinned = true } = {}) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (await answers(port)) break;
    if (exited) throw new Error(`${args.join(' ')} exited before answering: ${stderr.trim()}`);
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer GET / within ${timeoutMs} ms: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    if (pinned) pinServer(child.pid);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, port, url: `http://${HOST}:${port}`, startupMs, stop: () => stop(child) };
}

async function startMimic(options = {}) {
  const port = await freePort();
  return launch(mimicCommand(port, options), port, options);
}

async function startBare() {
  const port = await freePort();
  return launch([path.join(__dirname, 'bare-server.js'), String(port), HOST], port);
}

/** koa answering the same fixed body, `plain` (one middleware) or through one `router` route: ceilings for a koa application. */
async function startKoa(mode) {
  const port = await freePort();
  return launch([path.join(__dirname, 'koa-server.js'), String(port), HOST, mode], port);
}

/** Resident set size of a process in MB (10^6 bytes), from /proc/<pid>/status (Linux). */
function rssMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return (Number(match[1]) * 1024) / 1e6;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

module.exports = { HOST, ROOT, freePort, startMimic, startBare, startKoa, rssMB, stop };
