import fc from 'fast-check';
import { modularInverse, mulMod, ServerNumbers, SERVER_NUMBERS } from '../src/model/server-numbers';

const M = SERVER_NUMBERS;
const below = (m: number) => fc.integer({ min: 0, max: m - 1 });

describe('server numbers', () => {
  it('mulMod is exact for any factors below 10^10', () => {
    fc.assert(
      fc.property(below(M), below(M), (a, b) => {
        expect(mulMod(a, b, M)).toBe(Number((BigInt(a) * BigInt(b)) % BigInt(M)));
      }),
      { numRuns: 5000 },
    );
  });

  it('modularInverse inverts any factor coprime to the range', () => {
    fc.assert(
      fc.property(below(M), (a) => {
        fc.pre(a % 3 !== 0 && a % 11 !== 0 && a % 41 !== 0 && a % 271 !== 0 && a % 9091 !== 0);
        expect(mulMod(a, modularInverse(a, M), M)).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('ids are test-server<N>-id-<N> with N in range, and each names its position back', () => {
    const numbers = new ServerNumbers();
    fc.assert(
      fc.property(below(M), (position) => {
        const id = numbers.idAt(position);
        const [, n, again] = /^test-server(\d+)-id-(\d+)$/.exec(id)!;
        expect(n).toBe(again);
        expect(Number(n)).toBeLessThan(M);
        expect(String(Number(n))).toBe(n);
        expect(numbers.positionOf(id)).toBe(position);
      }),
      { numRuns: 2000 },
    );
  });

  it('never repeats an id within a store, and stores walk from different starts', () => {
    const numbers = new ServerNumbers();
    const seen = new Set<string>();
    for (let position = 0; position < 100_000; position++) seen.add(numbers.idAt(position));
    expect(seen.size).toBe(100_000);
    const others = new Set(Array.from({ length: 20 }, () => new ServerNumbers().idAt(0)));
    expect(others.size).toBeGreaterThan(15);
  });

  it.each(['', 'test-server1-id-2', 'test-server-id-', 'test-server99999999999-id-99999999999', 'test-server9999999999-id-9999999999', 'x-test-server1-id-1', 'test-server1-id-1 '])(
    'positionOf(%j) is undefined',
    (id) => {
      expect(new ServerNumbers().positionOf(id)).toBeUndefined();
    },
  );
});
