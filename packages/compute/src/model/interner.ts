import { setBounded } from '@mimic/core';

/**
 * Hands back one shared copy of strings that repeat across requests (image
 * and flavor references, key names). JSON.parse makes a new string for every
 * request; stored on every server, a 36-character image id costs ~60 bytes
 * each. Bounded: when full it starts over, which only costs sharing.
 */
export class Interner {
  private readonly seen = new Map<string, string>();

  constructor(private readonly limit = 4096) {}

  intern<T extends string | null>(value: T): T {
    if (value === null) return value;
    return (this.seen.get(value) ?? setBounded(this.seen, value, value, this.limit)) as T;
  }

  get size(): number {
    return this.seen.size;
  }
}
