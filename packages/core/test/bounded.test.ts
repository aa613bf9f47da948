import { setBounded } from '@mimic/core';

describe('setBounded', () => {
  it('stores and returns the value while the map has room', () => {
    const map = new Map<string, number>();
    expect(setBounded(map, 'a', 1, 3)).toBe(1);
    setBounded(map, 'b', 2, 3);
    expect([...map.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('empties a full map before storing, so it never holds more than the limit', () => {
    const map = new Map<number, number>();
    for (let i = 0; i < 10; i++) {
      setBounded(map, i, i * 10, 4);
      expect(map.size).toBeLessThanOrEqual(4);
      expect(map.get(i)).toBe(i * 10);
    }
    expect([...map.keys()]).toEqual([8, 9]);
  });
});
