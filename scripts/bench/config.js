'use strict';
// Benchmark settings: the full run that writes docs/performance.md, and the smoke run CI uses to prove the script works.
const os = require('node:os');
const path = require('node:path');

const FULL = {
  smoke: false,
  seconds: 5, // per case per round
  warmupSeconds: 1, // a discarded run before each measured one, so its code paths are compiled
  rounds: 5, // each with new processes: a median over five draws of the host's per-process luck
  connections: 10,
  sizes: { small: 100, medium: 10_000, large: 100_000, nodeLoadBalancers: 1_000 },
  tick: { servers: 10_000, rounds: 5 },
  startups: 7,
  out: path.resolve(__dirname, '../../docs/performance.md'),
};

const SMOKE = {
  smoke: true,
  seconds: 1,
  warmupSeconds: 0,
  rounds: 1,
  connections: 4,
  sizes: { small: 100, medium: 500, large: 2_000, nodeLoadBalancers: 60 },
  tick: { servers: 500, rounds: 1 },
  startups: 2,
  out: path.join(os.tmpdir(), 'mimic-bench-smoke.md'),
};

/** Reads `--smoke`, `--out <file>`, `--json <file>`, `--from <file>`, `--rounds N`, `--seconds S` (and BENCH_SMOKE=1). */
function readConfig(argv = process.argv.slice(2), env = process.env) {
  const smoke = argv.includes('--smoke') || env.BENCH_SMOKE === '1';
  const config = structuredClone(smoke ? SMOKE : FULL);
  const value = (flag) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
    return argv[i + 1];
  };
  const number = (flag) => {
    const v = value(flag);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, got ${v}`);
    return n;
  };
  if (value('--out')) config.out = path.resolve(value('--out'));
  config.json = value('--json') ? path.resolve(value('--json')) : undefined;
  config.from = value('--from') ? path.resolve(value('--from')) : undefined;
  config.rounds = number('--rounds') ?? config.rounds;
  config.seconds = number('--seconds') ?? config.seconds;
  return config;
}

module.exports = { readConfig };
