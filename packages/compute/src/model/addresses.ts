import { ids } from '@mimic/core';

/** Addresses per block: 10.<block>.a.b with a, b in 0..254 (compute.md §2). */
const BLOCK_SIZE = 255 * 255;
const FIRST_BLOCK = 180;
const LAST_BLOCK = 255;

/**
 * Hands out private IPv4 addresses unique within one tenant+region in O(1):
 * a full-period stride through each 10.<block>.x.x block (so addresses look
 * scattered, as the original's random ones do), moving on to 10.181.x.x and
 * beyond once 10.180.x.x is used up. Deleted servers keep their address.
 */
export class PrivateAddressPool {
  private block = FIRST_BLOCK;
  private issued = 0;
  private readonly start = ids.int(0, BLOCK_SIZE);
  private readonly stride = coprimeStride();

  /** The next address, as its 32-bit number (formatIpv4 renders it); a small integer, not a string, per server. */
  next(): number {
    if (this.issued === BLOCK_SIZE) {
      if (this.block === LAST_BLOCK) throw new RangeError('private address space exhausted');
      this.block += 1;
      this.issued = 0;
    }
    const index = (this.start + this.issued * this.stride) % BLOCK_SIZE;
    this.issued += 1;
    return ((10 << 24) | (this.block << 16) | (Math.floor(index / 255) << 8) | index % 255) >>> 0;
  }
}

/** A stride sharing no factor with 255² = 3²·5²·17², so the walk visits every address once. */
function coprimeStride(): number {
  for (;;) {
    const candidate = ids.int(1, BLOCK_SIZE);
    if (candidate % 3 !== 0 && candidate % 5 !== 0 && candidate % 17 !== 0) return candidate;
  }
}

/**
 * Public IPv4 `198.101.241.c`, not unique (compute.md §2): its 32 bits as a
 * signed integer. Unsigned, an address above 127.255.255.255 is a boxed
 * number of 16 bytes on every server; signed it fits in the field.
 */
export function publicAddress(): number {
  return PUBLIC_NETWORK | ids.int(0, 255);
}

const PUBLIC_NETWORK = (198 << 24) | (101 << 16) | (241 << 8);

/** Dotted-quad text of a 32-bit IPv4 number, signed or unsigned. */
export function formatIpv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}
