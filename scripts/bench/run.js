#!/usr/bin/env node
'use strict';
// `npm run bench`: Mimic (started through its CLI) against a bare node:http server, on loopback, in one run.
// Writes docs/performance.md (or, with --smoke, a short run to a temp file). See docs/performance.md for the method.
const fs = require('node:fs');
const { readConfig } = require('./config');
const { loadCases } = require('./cases');
const { createClient } = require('./client');
const { tenant, createServers, serverBody } = require('./fixtures');
const { drive } = require('./load');
const { machine, renderReport } = require('./report');
const { startBare, startKoa, startMimic, rssMB, stop } = require('./servers');
const { median } = require('./stats');
const { PINNED, pinLoadGenerator } = require('./pinning');

const BARE_REQUEST = { method: 'GET', path: '/' };
const KOA_ROUTER_PATH = '/mimicking/NovaApi-bench/ORD/v2/bench/servers/bench-server';
/** What the koa + koa-bodyparser ceiling reads: the body of the create case. */
const KOA_BODY_REQUEST = { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: JSON.stringify(serverBody('bench-created')) };
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two runs of the same case as one: mean rates and latencies, summed counts. */
function meanOfRuns(a, b) {
  return {
    requests: a.requests + b.requests,
    seconds: a.seconds + b.seconds,
    rps: (a.rps + b.rps) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: (a.p99 + b.p99) / 2,
    errors: a.errors + b.errors,
  };
}

/** A case against `target`, after a warm-up run (with names of its own) when `warmUp` says how long. */
async function driveCase(c, stage, target, round, options, warmUp) {
  if (warmUp) {
    const first = await c.prepare(stage, `${round}-warm-up`);
    await drive(target.url, first.request, { ...warmUp, maxRequests: first.maxRequests });
  }
  const { request, maxRequests } = await c.prepare(stage, round);
  return drive(target.url, request, { ...options, maxRequests });
}

/**
 * A case that creates state with every request (a server, a session, a load
 * balancer, a node) runs against a Mimic started for it, so the hundreds of
 * thousands of objects each such case leaves behind do not weigh on the cases
 * after it: one instance kept through every round ended at over 2 GB, and its
 * creates ran 20-30% slower by the fourth round (docs/performance.md).
 */
async function onFreshMimic(c, round, options, warmupSeconds) {
  const fresh = await startMimic();
  const client = createClient(fresh.url);
  const stage = { client, tenants: {} };
  try {
    // Its own warm-up, so the measured seconds run compiled code.
    return await driveCase(c, stage, fresh, round, options, warmupSeconds > 0 ? { ...options, seconds: warmupSeconds } : undefined);
  } finally {
    client.close();
    await fresh.stop();
  }
}

/**
 * One round, every process new: the bare and koa references, Mimic with its
 * staged tenants, Mimic with the request log. On this kind of host one process
 * in three or so runs about a quarter slower than the next for its whole life,
 * whatever it runs (docs/performance.md), so a round is one draw of that
 * lottery and the report takes the median over rounds. Each run has a warm-up
 * of its own. `after(instances)` runs before the round's processes stop.
 */
async function runRound(config, round, cases, results, after) {
  const options = { seconds: config.seconds, connections: config.connections };
  const warmUp = config.warmupSeconds > 0 ? { ...options, seconds: config.warmupSeconds } : undefined;
  const measure = async (url, request) => {
    if (warmUp) await drive(url, request, warmUp);
    return drive(url, request, options);
  };
  // Every process started is stopped, whatever fails after it started.
  const started = [];
  const track = async (starting) => {
    const server = await starting;
    started.push(server);
    return server;
  };
  let client;
  try {
    const refs = { bare: await track(startBare()), koa: await track(startKoa('plain')), koaRouter: await track(startKoa('router')), koaBody: await track(startKoa('body')) };
    const mimic = await track(startMimic());
    const logged = await track(startMimic({ logLevel: 'info' }));
    client = createClient(mimic.url);
    const stage = await setStage(mimic, client, config.sizes, round === 1);
    stage.client = client;
    const bareRun = await measure(refs.bare.url, BARE_REQUEST);
    results.koa.push(await measure(refs.koa.url, BARE_REQUEST));
    results.koaRouter.push(await measure(refs.koaRouter.url, { method: 'GET', path: KOA_ROUTER_PATH }));
    results.koaBody.push(await measure(refs.koaBody.url, KOA_BODY_REQUEST));
    log(
      `round ${round}: bare node:http ${bareRun.rps.toFixed(0)} req/s, koa ${results.koa.at(-1).rps.toFixed(0)}, ` +
        `koa + router ${results.koaRouter.at(-1).rps.toFixed(0)}, koa + body POST ${results.koaBody.at(-1).rps.toFixed(0)}`,
    );
    for (const c of cases) {
      const run =
        c.server === 'fresh'
          ? await onFreshMimic(c, round, options, config.warmupSeconds)
          : await driveCase(c, stage, c.server === 'logged' ? logged : mimic, round, options, warmUp);
      results.cases[c.id].push(run);
      log(`round ${round}: ${c.title}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(2)} ms, errors ${run.errors}`);
    }
    // Bare again at the end of the round: the machine's limit drifts on shared hosts; the round uses the mean.
    results.bare.push(meanOfRuns(bareRun, await drive(refs.bare.url, BARE_REQUEST, options)));
    await after({ mimic, client, stage });
  } finally {
    client?.close();
    await Promise.all(started.map((p) => stop(p.child)));
  }
}

/** Milliseconds from spawning the CLI to its first answered GET /, for several fresh starts. */
async function measureStartup(times) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const mimic = await startMimic({ pinned: false });
    samples.push(mimic.startupMs);
    await mimic.stop();
  }
  return samples;
}

/** The tenants the load cases read, without measuring anything on the way. */
async function stageTenants(client, sizes) {
  const large = await tenant(client, 'bench-large');
  const ids = await createServers(client, large, sizes.large);
  const medium = await tenant(client, 'bench-medium');
  await createServers(client, medium, sizes.medium);
  const small = await tenant(client, 'bench-small');
  await createServers(client, small, sizes.small);
  return { small, medium, large: { ...large, ids } };
}

/** Populates the tenants the load cases read, measuring RSS on the way (the first round's Mimic). */
async function setStage(mimic, client, sizes, measureMemory) {
  const memory = [];
  if (!measureMemory) return { tenants: await stageTenants(client, sizes), memory };
  await pause(1000);
  memory.push({ label: 'idle, after start', servers: 0, mb: rssMB(mimic.child.pid) });
  const large = await tenant(client, 'bench-large');
  let started = Date.now();
  const ids = await createServers(client, large, sizes.medium);
  let populateSeconds = (Date.now() - started) / 1000;
  await pause(1000);
  memory.push({ label: `${sizes.medium.toLocaleString('en-US')} servers`, servers: sizes.medium, mb: rssMB(mimic.child.pid) });
  started = Date.now();
  await createServers(client, large, sizes.large - sizes.medium);
  populateSeconds += (Date.now() - started) / 1000;
  await pause(1000);
  memory.push({ label: `${sizes.large.toLocaleString('en-US')} servers`, servers: sizes.large, mb: rssMB(mimic.child.pid) });
  log(`populated ${sizes.large} servers in ${populateSeconds.toFixed(1)} s`);
  const medium = await tenant(client, 'bench-medium');
  await createServers(client, medium, sizes.medium);
  const small = await tenant(client, 'bench-small');
  await createServers(client, small, sizes.small);
  return { tenants: { small, medium, large: { ...large, ids } }, memory, populateRate: sizes.large / populateSeconds };
}

/**
 * RSS with `large` servers when V8's young generation is capped at 8 MiB per
 * semi-space (V8's own limit is 16): after a burst of creates V8 keeps it at
 * its limit, and this is the lever a user has (docs/cli.md).
 */
async function memoryWithSmallerYoungGeneration(large) {
  const flag = '--max-semi-space-size=8';
  const mimic = await startMimic({ nodeArgs: [flag] });
  const client = createClient(mimic.url);
  try {
    await createServers(client, await tenant(client, 'bench-memory'), large);
    await pause(1000);
    return { label: `${large.toLocaleString('en-US')} servers, started with \`node ${flag}\``, mb: rssMB(mimic.child.pid) };
  } finally {
    client.close();
    await mimic.stop();
  }
}

/** One `POST /mimic/v1.1/tick` that completes `servers` BUILD → ACTIVE transitions; returns its round trip in ms. */
async function timeTick(client, servers, round) {
  const owner = await tenant(client, `bench-tick-${round}`);
  const [firstId] = await createServers(client, owner, servers, { metadata: { server_building: '30' } });
  const before = await client.expect([200], 'GET', `${owner.nova}/servers/${firstId}`);
  if (before.json.server.status !== 'BUILD') throw new Error(`tick setup: server is ${before.json.server.status}, not BUILD`);
  const started = process.hrtime.bigint();
  await client.expect([200], 'POST', '/mimic/v1.1/tick', { amount: 31 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const after = await client.expect([200], 'GET', `${owner.nova}/servers/${firstId}`);
  if (after.json.server.status !== 'ACTIVE') throw new Error(`tick did not complete the build: ${after.json.server.status}`);
  return ms;
}

/** `--from <results.json>`: writes the report again from a saved run (e.g. after editing notes.md). */
function renderSaved(config) {
  const saved = JSON.parse(fs.readFileSync(config.from, 'utf8'));
  const report = renderReport({ ...saved, config: { ...saved.config, out: config.out }, cases: loadCases(saved.config.sizes), startedAt: new Date(saved.startedAt) });
  fs.writeFileSync(config.out, report);
  log(`wrote ${config.out} from ${config.from}`);
}

async function main() {
  const config = readConfig();
  if (config.from) return renderSaved(config);
  log(`${config.smoke ? 'smoke' : 'full'} run: ${config.rounds} round(s) of ${config.seconds} s per case, ${config.connections} connections${PINNED ? '; load generator and servers pinned to separate CPUs' : ''}`);
  const startedAt = new Date();

  // Startup is measured unpinned, as a user starts the CLI; the load runs pinned.
  const startup = await measureStartup(config.startups);
  log(`startup: ${startup.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  pinLoadGenerator();

  const cases = loadCases(config.sizes);
  const results = { bare: [], koa: [], koaRouter: [], koaBody: [], cases: Object.fromEntries(cases.map((c) => [c.id, []])) };
  for (let round = 1; round <= config.rounds; round++) {
    const last = round === config.rounds;
    await runRound(config, round, cases, results, async ({ mimic, client, stage }) => {
      if (round === 1) {
        results.memory = stage.memory;
        results.populateRate = stage.populateRate;
      }
      if (!last) return;
      results.tick = [];
      for (let n = 1; n <= config.tick.rounds; n++) {
        const ms = await timeTick(client, config.tick.servers, n);
        results.tick.push(ms);
        log(`tick completing ${config.tick.servers} transitions: ${ms.toFixed(1)} ms`);
      }
      results.memory.push({ label: 'at the end of the last round (its staged tenants and the read cases)', mb: rssMB(mimic.child.pid) });
    });
  }
  results.memory.push(await memoryWithSmallerYoungGeneration(config.sizes.large));
  results.startup = startup;

  const host = { ...machine(), pinned: PINNED };
  const report = renderReport({ config, results, cases: loadCases(config.sizes), startedAt, machine: host });
  fs.writeFileSync(config.out, report);
  if (config.json) fs.writeFileSync(config.json, JSON.stringify({ config, results, startedAt, machine: host }, null, 2));
  log(`wrote ${config.out}`);
  log(`startup median ${median(startup).toFixed(0)} ms`);
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack || error}\n`);
  process.exit(1);
});
