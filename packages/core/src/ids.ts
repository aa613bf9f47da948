import * as crypto from 'node:crypto';

const { createHash, randomBytes, randomInt, randomUUID } = crypto;

/** One-shot crypto.hash (Node >= 20.12) is about twice as fast as createHash for short input. */
const sha256 = (text: string): Buffer =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', text, 'buffer') : createHash('sha256').update(text).digest();

/** Identifier generators shared by core and plugins (node:crypto, no global state). */
export const ids = {
  uuid: (): string => randomUUID(),
  /** Lowercase hex of `length` characters. */
  hex: (length: number): string => randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length),
  /** Uniform integer in [min, max). */
  int: (min: number, max: number): number => randomInt(min, max),
  /** Decimal digits of a random integer in [0, 10^15): the reference's generated tenant id. */
  tenantId: (): string => String(randomInt(0, 2 ** 48 - 1) % 1_000_000_000_000_000),
  /** Deterministic username -> digits map used as user_id (core.md §4). */
  userId: (username: string): string => {
    const digest = sha256(username);
    return digest.readBigUInt64BE(0).toString().slice(0, 19);
  },
  /** `length` random characters from letters, digits and punctuation (Nova adminPass). */
  password: (length = 12): string => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[randomInt(0, alphabet.length)];
    return out;
  },
};
