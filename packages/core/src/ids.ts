import * as crypto from 'node:crypto';
import { userIdDigits } from './user-id';

const { randomBytes, randomInt, randomUUID } = crypto;

const PASSWORD_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~';
const PASSWORD_DIGITS_PER_DRAW = 6;
/** 90^6, below randomInt's 2^48 range limit. */
const PASSWORD_DRAW = PASSWORD_ALPHABET.length ** PASSWORD_DIGITS_PER_DRAW;

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
  userId: (username: string): string => userIdDigits(username),
  /** `length` random characters from letters, digits and punctuation (Nova adminPass). */
  password: (length = 12): string => {
    // Six characters per draw: each random integer below 90^6 is six uniform base-90 digits
    // (one draw instead of six; every draw costs a share of crypto's cache refills).
    let out = '';
    while (out.length < length) {
      let draw = randomInt(0, PASSWORD_DRAW);
      for (let i = 0; i < PASSWORD_DIGITS_PER_DRAW && out.length < length; i++) {
        out += PASSWORD_ALPHABET[draw % PASSWORD_ALPHABET.length];
        draw = Math.floor(draw / PASSWORD_ALPHABET.length);
      }
    }
    return out;
  },
};
