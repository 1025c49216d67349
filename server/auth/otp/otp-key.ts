/**
 * The OTP hashing key: OTP_HMAC_KEY when configured, otherwise a random key generated on first
 * start and kept in DATA_DIR/secrets/otp-hmac.key (mode 0600). Never a key written in the code.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Loads (or on first start creates) the key. */
export function loadOtpKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'otp-hmac.key');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx` fails if another process created the key first; then we read theirs.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new TypeError(`${file} holds a key shorter than 32 characters; delete it to generate a new one`);
  return Buffer.from(key, 'utf8');
}
