import { Clock } from '@mimic/core';

describe('Clock (virtual)', () => {
  it('starts at 0 by default and at the configured start otherwise', () => {
    expect(new Clock().now()).toBe(0);
    expect(new Clock({ start: 1_700_000_000 }).now()).toBe(1_700_000_000);
    expect(new Clock().iso()).toBe('1970-01-01T00:00:00.000000Z');
  });

  it('runs due callbacks in time order, each seeing the final now', () => {
    const clock = new Clock();
    const seen: Array<[string, number]> = [];
    clock.schedule(5, () => seen.push(['b', clock.now()]));
    clock.schedule(1, () => seen.push(['a', clock.now()]));
    clock.schedule(20, () => seen.push(['late', clock.now()]));
    clock.tick(10);
    expect(seen).toEqual([
      ['a', 10],
      ['b', 10],
    ]);
    clock.tick(10);
    expect(seen.map(([name]) => name)).toEqual(['a', 'b', 'late']);
  });

  it('keeps scheduling order for callbacks due at the same time', () => {
    const clock = new Clock();
    const order: number[] = [];
    for (let i = 0; i < 50; i++) clock.schedule(3, () => order.push(i));
    clock.tick(3);
    expect(order).toEqual([...Array(50).keys()]);
  });

  it('runs callbacks queued during a tick when they are already due, not otherwise', () => {
    const clock = new Clock();
    const seen: string[] = [];
    clock.schedule(1, () => {
      seen.push('first');
      clock.schedule(0, () => seen.push('queued-due'));
      clock.schedule(100, () => seen.push('queued-later'));
    });
    clock.tick(5);
    // A delay-0 callback scheduled at now=5 is due at 5, so it runs in this tick.
    expect(seen).toEqual(['first', 'queued-due']);
    clock.tick(100);
    expect(seen).toEqual(['first', 'queued-due', 'queued-later']);
  });

  it('makes a delay-0 callback wait for the next tick, which a tick of 0 satisfies', () => {
    const clock = new Clock();
    let ran = false;
    clock.schedule(0, () => (ran = true));
    expect(ran).toBe(false);
    clock.tick(0);
    expect(ran).toBe(true);
  });

  it('fires a callback exactly at its due time', () => {
    const clock = new Clock();
    let ran = false;
    clock.schedule(2.5, () => (ran = true));
    clock.tick(2.4);
    expect(ran).toBe(false);
    clock.tick(0.1);
    expect(ran).toBe(true);
  });

  it('never runs a cancelled callback', () => {
    const clock = new Clock();
    let ran = false;
    const call = clock.schedule(1, () => (ran = true));
    call.cancel();
    clock.tick(2);
    expect(ran).toBe(false);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number])('refuses tick(%p): time never runs backwards', (amount) => {
    const clock = new Clock();
    clock.tick(3);
    expect(() => clock.tick(amount)).toThrow(RangeError);
    expect(clock.now()).toBe(3);
  });

  it('refuses a negative start', () => {
    expect(() => new Clock({ start: -1 })).toThrow(RangeError);
  });

  it('resetTime goes back to the start and drops pending callbacks', () => {
    const clock = new Clock({ start: 100 });
    let ran = false;
    clock.schedule(5, () => (ran = true));
    clock.tick(3);
    clock.resetTime();
    expect(clock.now()).toBe(100);
    clock.tick(10);
    expect(ran).toBe(false);
  });

  it('completes 10,000 due callbacks in one tick', () => {
    const clock = new Clock();
    let count = 0;
    for (let i = 0; i < 10_000; i++) clock.schedule((i % 30) + 1, () => count++);
    clock.tick(31);
    expect(count).toBe(10_000);
    expect(clock.pending).toBe(0);
  });
});

describe('Clock (realtime)', () => {
  it('follows the wall clock and adds tick offsets on top', () => {
    let wall = 1_000_000;
    const clock = new Clock({ mode: 'realtime', start: 50, wallMillis: () => wall });
    expect(clock.now()).toBe(50);
    wall += 2_000;
    expect(clock.now()).toBe(52);
    clock.tick(10);
    expect(clock.now()).toBe(62);
    wall += 500;
    expect(clock.now()).toBe(62.5);
    clock.dispose();
  });

  it('runs callbacks that a tick makes due', () => {
    let wall = 0;
    const clock = new Clock({ mode: 'realtime', wallMillis: () => wall });
    let ran = false;
    clock.schedule(60, () => (ran = true));
    clock.tick(30);
    expect(ran).toBe(false);
    wall += 30_000;
    clock.tick(0);
    expect(ran).toBe(true);
    clock.dispose();
  });
});
