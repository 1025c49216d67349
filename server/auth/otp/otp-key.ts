/**
 * The OTP hashing key: OTP_HMAC_KEY when configured, otherwise a random key made on first start and
 * kept in the store (`shop_secrets`), so a code sent through one node checks on every other. A key
 * an older version kept in DATA_DIR/secrets/otp-hmac.key moves into the store once, so codes in
 * flight at the upgrade still work. Never a key written in the code.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import { sharedSecret } from '../../cluster/shared-secret';
import type { Database } from '../../store/schema';

export const OTP_KEY_SECRET = 'auth.otp-hmac-key';

/** Loads (or on first start creates) the key. */
export async function loadOtpKey(db: Kysely<Database>, configured: string | undefined, dataDir: string, now: number): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const { value } = await sharedSecret(db, OTP_KEY_SECRET, now, path.join(dataDir, 'secrets', 'otp-hmac.key'));
  if (value.length < 32) throw new TypeError(`The store's OTP key (shop_secrets '${OTP_KEY_SECRET}') is shorter than 32 characters; delete that row to make a new one`);
  return Buffer.from(value, 'utf8');
}
