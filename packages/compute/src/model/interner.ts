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
    const known = this.seen.get(value);
    if (known !== undefined) return known as T;
    if (this.seen.size >= this.limit) this.seen.clear();
    this.seen.set(value, value);
    return value;
  }

  get size(): number {
    return this.seen.size;
  }
}
