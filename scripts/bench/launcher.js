'use strict';
// Temporary stand-in for the CLI while packages/cli is being written: starts
// Mimic with every bundled plugin whose factory is already built.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const { createMimic } = require(path.join(root, 'packages/core/dist'));
const plugins = [];
for (const [pkg, factory] of [['identity', 'identity'], ['compute', 'compute'], ['clb', 'clb']]) {
  const mod = require(path.join(root, 'packages', pkg, 'dist'));
  if (typeof mod[factory] === 'function') plugins.push(mod[factory]());
}
// Development aid: BENCH_EXTRA_PLUGINS=<module> adds factories for plugins not built yet.
if (process.env.BENCH_EXTRA_PLUGINS) {
  const extra = require(process.env.BENCH_EXTRA_PLUGINS);
  for (const factory of Object.values(extra)) plugins.push(factory());
}
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
createMimic({ plugins, port: Number(flag('--port', 8900)), host: flag('--host', '127.0.0.1') }).then((mimic) => {
  process.on('SIGTERM', () => mimic.close().then(() => process.exit(0)));
});
