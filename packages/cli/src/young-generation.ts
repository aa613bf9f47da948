import { PerformanceObserver } from 'node:perf_hooks';
import * as v8 from 'node:v8';

/** The CLI's cap on each of V8's two young-generation semi-spaces (V8's own is 16 MiB). */
export const SEMI_SPACE_CAP_MIB = 8;

const MIB = 1024 * 1024;
/** V8's default growth factor, restored below the cap. */
const GROWTH = 2;

/**
 * Keeps V8's young generation to `semiSpaceMib` per semi-space, what
 * `node --max-semi-space-size` does, for a process that is already running.
 * Under a burst of creates V8 doubles the young generation up to 2 × 16 MiB
 * and keeps it; with 100,000 servers that is a sixth of the process
 * (docs/performance.md), while past 8 MiB it bought no speed in the benchmark.
 * V8 reads its maximum only at start-up but its growth factor at every
 * growth, so after each collection the factor is set to 1 (stay) at the cap
 * and back to 2 below it. Node flags given by the user (on the command line
 * or in NODE_OPTIONS) win: then nothing is done. Returns a function that stops.
 */
export function capYoungGeneration(semiSpaceMib = SEMI_SPACE_CAP_MIB, nodeFlags: readonly string[] = userNodeFlags()): () => void {
  if (nodeFlags.some((flag) => /^--(max-semi-space-size|semi-space-growth-factor)\b/.test(flag.replace(/_/g, '-')))) return () => undefined;
  const cap = 2 * semiSpaceMib * MIB; // new_space's size counts both semi-spaces
  let factor = GROWTH;
  const check = () => {
    const wanted = youngGenerationBytes() >= cap ? 1 : GROWTH;
    if (wanted === factor) return;
    v8.setFlagsFromString(`--semi-space-growth-factor=${wanted}`);
    factor = wanted;
  };
  check();
  const observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    if (factor !== GROWTH) v8.setFlagsFromString(`--semi-space-growth-factor=${GROWTH}`);
  };
}

/** Bytes V8 has sized its young generation (both semi-spaces) to. */
export function youngGenerationBytes(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

function userNodeFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
}
