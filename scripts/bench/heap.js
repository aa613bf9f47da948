#!/usr/bin/env node
'use strict';
// `node --expose-gc scripts/bench/heap.js [servers]`: live V8 heap per server, measured in-process after a full GC
// (Mimic with the bundled plugins, servers created over HTTP). The evidence behind the memory notes of docs/performance.md.
const path = require('node:path');
const { createClient } = require('./client');
const { tenant, createServers } = require('./fixtures');

const root = path.resolve(__dirname, '../..');
const load = (pkg) => require(path.join(root, 'packages', pkg, 'dist'));

async function main() {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  const count = Number(process.argv[2] ?? 100_000);
  const mimic = await load('core').createMimic({ plugins: [load('identity').identity(), load('compute').compute(), load('clb').clb()] });
  const client = createClient(mimic.url);
  const measure = () => {
    global.gc();
    return process.memoryUsage();
  };
  const before = measure();
  await createServers(client, await tenant(client, 'heap'), count);
  const after = measure();
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`${count} servers: heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} (${Math.round((after.heapUsed - before.heapUsed) / count)} bytes per server);`);
  console.log(`heap reserved ${mb(after.heapTotal)}, rss ${mb(after.rss)} (this process also runs the HTTP client)`);
  client.close();
  await mimic.close();
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
