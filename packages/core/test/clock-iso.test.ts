import fc from 'fast-check';
import { Clock, formatIsoMicro } from '@mimic/core';

describe('Clock.iso', () => {
  it('formats every instant like formatIsoMicro, whatever was formatted before (it remembers the last one)', () => {
    const clock = new Clock();
    const instant = fc.oneof(fc.constantFrom(0, 1.5, 86_400), fc.double({ min: 0, max: 4e9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 20 }), (instants) => {
        for (const seconds of instants) expect(clock.iso(seconds)).toBe(formatIsoMicro(seconds));
      }),
    );
    clock.tick(2.25);
    expect(clock.iso()).toBe('1970-01-01T00:00:02.250000Z');
  });
});
