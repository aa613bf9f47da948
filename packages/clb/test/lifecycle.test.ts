import type { LbBehaviors } from '../src/behaviors';
import { pythonInt } from '../src/model/delay';
import { refresh } from '../src/model/lifecycle';
import { freshId } from '../src/model/load-balancer';

/** Unit tests of the pure status machine (clb.md §4) and its helpers. */
const none: LbBehaviors = { errorState: false };

describe('refresh', () => {
  test('BUILD → ACTIVE after the building delay, updated unchanged', () => {
    const b = { ...none, building: 5 };
    expect(refresh({ status: 'BUILD', updated: 0 }, b, 4, 'read')).toEqual({ status: 'BUILD', updated: 0 });
    expect(refresh({ status: 'BUILD', updated: 0 }, b, 5, 'read')).toEqual({ status: 'ACTIVE', updated: 0 });
    expect(refresh({ status: 'BUILD', updated: 0 }, none, 10, 'read')).toEqual({ status: 'ACTIVE', updated: 0 });
  });

  test('ACTIVE changes only on a mutating refresh; the last behaviour that applies wins; updated = now', () => {
    const all = { errorState: true, pendingUpdate: 3, pendingDelete: 3 };
    expect(refresh({ status: 'ACTIVE', updated: 0 }, all, 9, 'read')).toEqual({ status: 'ACTIVE', updated: 0 });
    expect(refresh({ status: 'ACTIVE', updated: 0 }, none, 9, 'mutation')).toEqual({ status: 'ACTIVE', updated: 9 });
    expect(refresh({ status: 'ACTIVE', updated: 0 }, { ...none, pendingUpdate: 3 }, 9, 'mutation')).toEqual({ status: 'PENDING-UPDATE', updated: 9 });
    expect(refresh({ status: 'ACTIVE', updated: 0 }, { ...none, pendingDelete: 3 }, 9, 'mutation')).toEqual({ status: 'ACTIVE', updated: 9 });
    expect(refresh({ status: 'ACTIVE', updated: 0 }, { ...none, pendingUpdate: 3, pendingDelete: 3 }, 9, 'delete')).toEqual({ status: 'PENDING-DELETE', updated: 9 });
    expect(refresh({ status: 'ACTIVE', updated: 0 }, all, 9, 'delete')).toEqual({ status: 'ERROR', updated: 9 });
  });

  test('PENDING-UPDATE returns to ACTIVE only while lb_pending_update is present', () => {
    expect(refresh({ status: 'PENDING-UPDATE', updated: 10 }, { ...none, pendingUpdate: 5 }, 15, 'read')).toEqual({ status: 'ACTIVE', updated: 10 });
    expect(refresh({ status: 'PENDING-UPDATE', updated: 10 }, { ...none, pendingUpdate: 5 }, 14.9, 'read')).toEqual({ status: 'PENDING-UPDATE', updated: 10 });
    expect(refresh({ status: 'PENDING-UPDATE', updated: 10 }, none, 1e9, 'read')).toEqual({ status: 'PENDING-UPDATE', updated: 10 });
  });

  test('PENDING-DELETE → DELETED at delete + N; removed 3600 s later; chained when unobserved', () => {
    const b = { ...none, pendingDelete: 20 };
    expect(refresh({ status: 'PENDING-DELETE', updated: 100 }, b, 119, 'read')).toEqual({ status: 'PENDING-DELETE', updated: 100 });
    expect(refresh({ status: 'PENDING-DELETE', updated: 100 }, b, 150, 'read')).toEqual({ status: 'DELETED', updated: 120 });
    expect(refresh({ status: 'DELETED', updated: 120 }, b, 3719, 'read')).toEqual({ status: 'DELETED', updated: 120 });
    expect(refresh({ status: 'DELETED', updated: 120 }, b, 3720, 'read')).toBeUndefined();
    expect(refresh({ status: 'PENDING-DELETE', updated: 100 }, b, 3720, 'read')).toBeUndefined();
  });

  test('ERROR and control-set statuses never change', () => {
    const all = { errorState: true, pendingUpdate: 0, pendingDelete: 0, building: 0 };
    for (const status of ['ERROR', 'PENDING_UPDATE', 'PENDING_DELETE']) {
      expect(refresh({ status, updated: 0 }, all, 1e9, 'mutation')).toEqual({ status, updated: 0 });
    }
  });
});

describe('pythonInt', () => {
  test.each([
    [5, 5], [2.9, 2], [-2.9, -2], [true, 1], [false, 0], ['7', 7], [' 8 ', 8], ['+3', 3], ['-4', -4], ['1_000', 1000],
  ])('%p → %p', (value, expected) => expect(pythonInt(value)).toBe(expected));

  test.each([['1.5'], [''], [null], [{}], [[]], ['1e3'], ['abc'], [Infinity]])('%p is not an int', (value) => {
    expect(pythonInt(value)).toBeUndefined();
  });
});

describe('freshId', () => {
  test('never returns a taken id, even when only one is free', () => {
    const taken = new Set(Array.from({ length: 999 }, (_, i) => i).filter((i) => i !== 321));
    let calls = 0;
    const random = (min: number, max: number) => (calls++ % 2 === 0 ? 0 : Math.floor((min + max) / 2));
    expect(freshId(1000, (id) => taken.has(id), random)).toBe(321);
  });
});
