/**
 * Password hashing with scrypt (memory-hard, built into Node): N=2^17, r=8, p=1 (128 MiB, about
 * 0.4 s here), 16-byte salt. The stored string names its parameters, so they can grow later and
 * old hashes still verify (see decisions/0005).
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

export const SCRYPT = { logN: 17, r: 8, p: 1, keyLength: 32 } as const;

function options(logN: number, r: number, p: number): crypto.ScryptOptions {
  // maxmem must exceed 128·N·r bytes or Node refuses.
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
}

/** `scrypt$17$8$1$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, SCRYPT.keyLength, options(SCRYPT.logN, SCRYPT.r, SCRYPT.p));
  return ['scrypt', SCRYPT.logN, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; false for a malformed stored string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const [n, rr, pp] = [Number(logN), Number(r), Number(p)];
  if (![n, rr, pp].every(Number.isInteger) || n < 10 || n > 22 || rr < 1 || rr > 32 || pp < 1 || pp > 16) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, options(n, rr, pp));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
