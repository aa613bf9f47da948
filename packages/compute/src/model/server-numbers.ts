import { ids } from '@mimic/core';

/** N of `test-server<N>-id-<N>` is in [0, 9999999999) (compute.md §2). */
export const SERVER_NUMBERS = 9_999_999_999;

const ID = /^test-server(\d{1,10})-id-(\d{1,10})$/;

/**
 * The N of one store's server ids, in creation order: a walk from a random
 * start with a random stride coprime to the range, so every N is in range,
 * none repeats within the store, and the k-th server's N is a formula, not
 * a lookup. A store then needs no id → server map (an insert into a map that
 * grows with traffic on every create) and no retry on a clash.
 */
export class ServerNumbers {
  private readonly start = ids.int(0, SERVER_NUMBERS);
  private readonly stride = coprimeStride();
  private readonly inverse = modularInverse(this.stride, SERVER_NUMBERS);

  /** The id of the server created `position`-th (0-based). */
  idAt(position: number): string {
    const n = String((this.start + mulMod(position, this.stride, SERVER_NUMBERS)) % SERVER_NUMBERS);
    // join() makes one flat string; a long template literal is a rope that, once hashed, keeps a second copy.
    return ['test-server', n, '-id-', n].join('');
  }

  /** The position an id of this store would have, or undefined when it cannot be one of its ids. */
  positionOf(id: string): number | undefined {
    const match = ID.exec(id);
    if (match === null || match[1] !== match[2]) return undefined;
    const n = Number(match[1]);
    if (n >= SERVER_NUMBERS) return undefined;
    return mulMod((n - this.start + SERVER_NUMBERS) % SERVER_NUMBERS, this.inverse, SERVER_NUMBERS);
  }
}

/** A stride sharing no factor with 9999999999 = 3²·11·41·271·9091, so the walk visits every N once. */
function coprimeStride(): number {
  for (;;) {
    const candidate = ids.int(1, SERVER_NUMBERS);
    if (gcd(candidate, SERVER_NUMBERS) === 1) return candidate;
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** (a · b) mod m for a, b < m ≤ 10^10, exact in doubles: b is split so no product passes 10^15. */
export function mulMod(a: number, b: number, m: number): number {
  const high = Math.floor(b / 100_000);
  const low = b % 100_000;
  return (((a * high) % m) * 100_000 + a * low) % m;
}

/** x with (a · x) mod m = 1, for a coprime to m (extended Euclid; every term stays below 2m). */
export function modularInverse(a: number, m: number): number {
  let [r0, r1] = [m, a];
  let [s0, s1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}
