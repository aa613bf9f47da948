#!/usr/bin/env node
'use strict';
// `node scripts/bench/cpu.js <case-id,...> [seconds]`: the server's CPU time per request (user + system, from
// /proc/<pid>/stat) for benchmark cases against Mimic started through the CLI, after a 1 s warm-up per case;
// the ids `bare` and `koa` measure the reference servers' GET /. Pinned as `npm run bench` pins.
// Steadier than req/s on a shared machine; the evidence behind docs/performance.md's CPU table. Linux only.
const fs = require('node:fs');
const { loadCases } = require('./cases');
const { createClient } = require('./client');
const { tenant, createServers, createLoadBalancers } = require('./fixtures');
const { drive } = require('./load');
const { startBare, startKoa, startMimic, stop } = require('./servers');
const { pinLoadGenerator } = require('./pinning');

const SIZES = { small: 100, medium: 1_000, large: 10_000, nodeLoadBalancers: 300 };
const TICKS_PER_SECOND = 100;

function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function main() {
  const [ids = 'root', secondsArg = '3'] = process.argv.slice(2);
  const wanted = ids.split(',');
  pinLoadGenerator();
  const report = (id, used, run) =>
    console.log(`${id.padEnd(22)} ${((used * 1e6) / run.requests).toFixed(1).padStart(7)} µs/request  ${Math.round(run.rps)} req/s`);
  for (const [id, start] of [['bare', startBare], ['koa', () => startKoa('plain')]]) {
    if (!wanted.includes(id)) continue;
    const server = await start();
    try {
      await drive(server.url, { method: 'GET', path: '/' }, { seconds: 1, connections: 10 });
      const before = cpuSeconds(server.child.pid);
      const run = await drive(server.url, { method: 'GET', path: '/' }, { seconds: Number(secondsArg), connections: 10 });
      report(id, cpuSeconds(server.child.pid) - before, run);
    } finally {
      await stop(server.child);
    }
  }
  const mimic = await startMimic();
  const client = createClient(mimic.url);
  try {
    const tenants = {};
    for (const key of ['small', 'medium', 'large']) {
      tenants[key] = await tenant(client, `cpu-${key}`);
      tenants[key].ids = await createServers(client, tenants[key], SIZES[key]);
    }
    const stage = { client, tenants, createLoadBalancers };
    for (const c of loadCases(SIZES).filter((x) => wanted.includes(x.id))) {
      let { request, maxRequests } = await c.prepare(stage, 1);
      await drive(mimic.url, request, { seconds: 1, connections: 10, maxRequests });
      ({ request, maxRequests } = await c.prepare(stage, 2));
      const before = cpuSeconds(mimic.child.pid);
      const run = await drive(mimic.url, request, { seconds: Number(secondsArg), connections: 10, maxRequests });
      report(c.id, cpuSeconds(mimic.child.pid) - before, run);
    }
  } finally {
    client.close();
    stop(mimic.child);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
