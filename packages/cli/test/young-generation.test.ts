import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, REPO } from './support/cli-process';

const run = promisify(execFile);
const MODULE = join(REPO, 'packages/cli/dist/young-generation.js');
const MIB = 1024 * 1024;

/**
 * In a fresh node process: optionally cap at 2 MiB per semi-space, then keep
 * ~40 MB of small objects alive, yielding between batches as a server does
 * between requests, and print the young generation's size (both semi-spaces).
 */
async function youngGenerationAfterBurst(options: { cap: boolean; nodeFlags?: string[] }): Promise<number> {
  const script = `
    const { capYoungGeneration, youngGenerationBytes } = require(${JSON.stringify(MODULE)});
    if (${options.cap}) capYoungGeneration(2, ${JSON.stringify(options.nodeFlags ?? [])});
    const kept = [];
    (async () => {
      for (let batch = 0; batch < 300; batch++) {
        for (let i = 0; i < 2000; i++) kept.push({ batch, i, name: 'server-' + i });
        await new Promise((resolve) => setImmediate(resolve));
      }
      process.stdout.write(String(youngGenerationBytes()));
    })();`;
  const { stdout } = await run(process.execPath, ['-e', script]);
  return Number(stdout);
}

describe('capYoungGeneration', () => {
  beforeAll(assertBuilt);

  it('without the cap, a burst of long-lived objects grows the young generation past 2 × 2 MiB', async () => {
    expect(await youngGenerationAfterBurst({ cap: false })).toBeGreaterThan(4 * MIB);
  });

  it('with the cap, the same burst leaves it at 2 × 2 MiB', async () => {
    expect(await youngGenerationAfterBurst({ cap: true })).toBeLessThanOrEqual(4 * MIB);
  });

  it('a --max-semi-space-size the user gave node wins: no cap', async () => {
    expect(await youngGenerationAfterBurst({ cap: true, nodeFlags: ['--max-semi-space-size=16'] })).toBeGreaterThan(4 * MIB);
  });
});
