/** Browsers that completed a login for a number; the number-wide caps never hold them up. */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';
import { NO_DEVICE } from './device-cookie';

/** A browser not seen for this long is a stranger again. */
const FORGET_AFTER_MS = 180 * 24 * 3600_000;

/** True when this browser logged in to this number within the last 180 days. */
export async function isKnownDevice(db: Kysely<Database>, mobile: string, device: string, now: number): Promise<boolean> {
  if (device === NO_DEVICE) return false;
  const row = await db.selectFrom('auth_known_devices').select('last_login_at').where('mobile', '=', mobile).where('device_hash', '=', device).executeTakeFirst();
  return row !== undefined && Number(row.last_login_at) + FORGET_AFTER_MS > now;
}

/** Remembers that this browser proved it holds the number. */
export async function rememberDevice(db: Kysely<Database>, mobile: string, device: string, now: number): Promise<void> {
  if (device === NO_DEVICE) return;
  await db
    .insertInto('auth_known_devices')
    .values({ mobile, device_hash: device, last_login_at: now })
    .onConflict((oc) => oc.columns(['mobile', 'device_hash']).doUpdateSet({ last_login_at: now }))
    .execute();
  if (Math.random() < 0.01) await db.deleteFrom('auth_known_devices').where('last_login_at', '<', now - FORGET_AFTER_MS).execute();
}
