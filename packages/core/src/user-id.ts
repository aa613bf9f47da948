/**
 * The user_id of a username: decimal digits of a 53-bit hash of its UTF-16
 * code units (the public-domain cyrb53 construction: two 32-bit
 * multiply-xorshift lanes, mixed at the end).
 * core.md §4 asks only for a deterministic username → digits map; a
 * cryptographic digest cost a new-user authentication about a microsecond
 * more (docs/performance.md). Collisions among a million users: about 1 in 20,000.
 */
export function userIdDigits(username: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < username.length; i++) {
    const unit = username.charCodeAt(i);
    a = Math.imul(a ^ unit, 2654435761);
    b = Math.imul(b ^ unit, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return String(4294967296 * (b & 0x1fffff) + (a >>> 0));
}
