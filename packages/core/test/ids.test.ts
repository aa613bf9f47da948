import { ids } from '@mimic/core';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~';

describe('ids.password', () => {
  it('has the asked length, drawn from the adminPass alphabet', () => {
    for (const length of [0, 1, 5, 6, 7, 12, 13, 40]) {
      const password = ids.password(length);
      expect(password).toHaveLength(length);
      for (const char of password) expect(ALPHABET).toContain(char);
    }
    expect(ids.password()).toHaveLength(12);
  });

  it('uses every character of the alphabet at every position, about evenly', () => {
    const counts = Array.from({ length: 12 }, () => new Map<string, number>());
    const samples = 20_000;
    for (let n = 0; n < samples; n++) {
      const password = ids.password();
      for (let i = 0; i < 12; i++) counts[i].set(password[i], (counts[i].get(password[i]) ?? 0) + 1);
    }
    const expected = samples / ALPHABET.length; // ~222 per character and position
    for (const position of counts) {
      expect(position.size).toBe(ALPHABET.length);
      for (const count of position.values()) {
        expect(count).toBeGreaterThan(expected * 0.6);
        expect(count).toBeLessThan(expected * 1.4);
      }
    }
  });
});

describe('ids.userId', () => {
  it('is the same digits for the same username, and differs between usernames', () => {
    expect(ids.userId('demo')).toBe(ids.userId('demo'));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const id = ids.userId(`user-${i}`);
      expect(id).toMatch(/^\d{1,16}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(100_000);
  });

  it('tells apart usernames that differ in one character anywhere, or only beyond the BMP', () => {
    const base = 'username_0f8fad5b-d9cb-469f-a165-70867728950e';
    const variants = new Set([base, ...[...base].map((_, i) => base.slice(0, i) + '#' + base.slice(i + 1)), '😀', '😁', '']);
    expect(new Set([...variants].map((name) => ids.userId(name))).size).toBe(variants.size);
  });
});
