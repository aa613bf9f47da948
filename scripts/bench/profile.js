#!/usr/bin/env node
'use strict';
// `node scripts/bench/profile.js <case-id> [seconds]`: runs one load case against Mimic started with
// --cpu-prof, then prints where the server's CPU time went (self time by function and by package).
// The evidence behind docs/performance.md's notes; not part of `npm run bench`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadCases } = require('./cases');
const { createClient } = require('./client');
const { tenant, createServers } = require('./fixtures');
const { drive } = require('./load');
const { startMimic } = require('./servers');
const { pinLoadGenerator } = require('./pinning');

const SIZES = { small: 100, medium: 10_000, large: 100_000, nodeLoadBalancers: 1_000 };

/**
 * Groups a profile's self time by function and by package (node_modules/<pkg>,
 * packages/<pkg>, node internals), over the last `windowSeconds` of samples
 * only (the measured load, not the setup), leaving out idle time.
 */
function summarizeProfile(profile, windowSeconds) {
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const from = times[times.length - 1] - windowSeconds * 1e6;
  const hits = new Map(profile.nodes.map((n) => [n.id, 0]));
  profile.samples.forEach((id, i) => {
    if (times[i] >= from) hits.set(id, hits.get(id) + 1);
  });
  // Idle, and writev: wall time in the loopback send (the sampler counts the thread descheduled
  // there while the load generator runs on the other core; /proc says the server's system time is small).
  const idle = new Set(profile.nodes.filter((n) => ['(idle)', 'writev'].includes(n.callFrame.functionName)).map((n) => n.id));
  let total = 0;
  let waiting = 0;
  for (const [id, n] of hits) {
    if (idle.has(id)) waiting += n;
    else total += n;
  }
  const byFunction = new Map();
  const byPackage = new Map();
  for (const node of profile.nodes) {
    const n = hits.get(node.id);
    if (!n || idle.has(node.id)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(`${path.resolve(__dirname, '../..')}/`, '');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + n);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      /^packages\/([^/]+)/.exec(where)?.[1]?.replace(/^/, '@mimic/') ??
      (where.startsWith('node:') ? 'node internals' : functionName.startsWith('(') ? functionName : 'native/other');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
  }
  const top = (map, k) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`);
  return { byPackage: top(byPackage, 15), byFunction: top(byFunction, 30), waiting: waiting / (waiting + total) };
}

async function main() {
  const [caseId, secondsArg] = process.argv.slice(2);
  const c = loadCases(SIZES).find((x) => x.id === caseId);
  if (!c) throw new Error(`usage: profile.js <case-id> [seconds]; case ids: ${loadCases(SIZES).map((x) => x.id).join(', ')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimic-profile-'));
  pinLoadGenerator();
  const mimic = await startMimic({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const client = createClient(mimic.url);
  const needs = (id) => c.id.includes(id);
  const tenants = {};
  // Only the tenants this case reads, at full size.
  for (const [key, size] of Object.entries({ small: SIZES.small, medium: SIZES.medium, large: SIZES.large })) {
    if (needs(key) || (key === 'large' && c.id === 'server-get')) {
      tenants[key] = await tenant(client, `profile-${key}`);
      tenants[key].ids = await createServers(client, tenants[key], size);
    }
  }
  const stage = { client, tenants };
  const { request, maxRequests } = await c.prepare(stage, 1);
  await drive(mimic.url, request, { seconds: 1, connections: 10, maxRequests }); // warm-up
  const { request: measured, maxRequests: cap } = await c.prepare(stage, 2);
  const run = await drive(mimic.url, measured, { seconds: Number(secondsArg ?? 5), connections: 10, maxRequests: cap });
  client.close();
  await mimic.stop();
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile was written (did the server exit cleanly on SIGTERM?)');
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), run.seconds);
  console.log(`${c.title}: ${Math.round(run.rps)} req/s, p50 ${run.p50.toFixed(2)} ms, errors ${run.errors}`);
  console.log(`profile: ${path.join(dir, file)}; below: the last ${run.seconds.toFixed(1)} s (the measured load)`);
  console.log(`left out: ${(100 * summary.waiting).toFixed(0)}% of samples idle or inside writev (the loopback send)`);
  console.log(`\nself time by package:\n${summary.byPackage.join('\n')}`);
  console.log(`\nself time by function:\n${summary.byFunction.join('\n')}`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
