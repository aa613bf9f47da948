/**
 * Smoke test of `npm run bench`: a short run (about a second per case, small
 * tenants) proves the script works end to end. It asserts nothing about speed:
 * performance is never asserted by timed tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Plain JavaScript modules of the benchmark (no type declarations).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCases } = require('../cases') as { loadCases: (sizes: unknown) => Array<{ id: string; title: string }> };

const root = resolve(__dirname, '../../..');
let dir: string;
let report: string;
let data: { config: { sizes: unknown; tick: { servers: number } }; results: Record<string, unknown> };
let run: ReturnType<typeof spawnSync>;

/** The cells of the table row whose first cell is `title`. */
function row(title: string): string[] | undefined {
  const line = report.split('\n').find((l) => l.startsWith(`| ${title} |`));
  return line?.split('|').slice(1, -1).map((cell) => cell.trim());
}

const number = (cell: string) => Number(cell.replace(/,/g, '').replace(/ (ms|MB)$/, ''));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mimic-bench-'));
  run = spawnSync(process.execPath, ['scripts/bench/run.js', '--smoke', '--out', join(dir, 'report.md'), '--json', join(dir, 'report.json')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (run.status === 0) {
    report = readFileSync(join(dir, 'report.md'), 'utf8');
    data = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  }
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the smoke run succeeds and writes a report', () => {
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
  expect(report).toContain('# Performance');
  expect(report).toContain('**Smoke run**');
  expect(report).toMatch(/Machine: .+ CPUs, .+ Node v\d+/);
});

test('every load case has a row with requests per second, latencies, no errors and a ratio to bare node:http', () => {
  const titles = [
    'bare `node:http`, fixed JSON',
    'bare koa (one middleware), same JSON',
    'bare koa + @koa/router, one route with 3 params, same JSON',
    ...loadCases(data.config.sizes).map((c) => c.title),
  ];
  expect(titles.length).toBeGreaterThanOrEqual(19);
  for (const title of titles) {
    const cells = row(title);
    expect({ title, found: cells !== undefined }).toEqual({ title, found: true });
    const [, rps, p50, p99, errors, ratio] = cells!;
    expect({ title, rps: number(rps) > 0, p50: number(p50) >= 0, p99: number(p99) >= number(p50), errors }).toEqual({
      title,
      rps: true,
      p50: true,
      p99: true,
      errors: '0',
    });
    expect(ratio).toMatch(/^\d+%$/);
  }
});

test('the tick, startup and memory rows carry figures', () => {
  const tick = row(`\`POST /mimic/v1.1/tick\` completing ${data.config.tick.servers.toLocaleString('en-US')} BUILD → ACTIVE transitions (round trip)`);
  expect(number(tick![1])).toBeGreaterThan(0);
  const startup = row('Startup: launching the CLI to the first answered `GET /`');
  expect(number(startup![1])).toBeGreaterThan(0);
  const memory = report.split('\n').filter((l) => l.startsWith('| RSS, '));
  expect(memory.length).toBeGreaterThanOrEqual(3);
  for (const line of memory) expect(number(line.split('|')[2].trim())).toBeGreaterThan(0);
});
