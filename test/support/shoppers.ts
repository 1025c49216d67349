/**
 * Signed-in shoppers made directly in the store (account, full session, one address), for order
 * tests and benchmarks that need many buyers without as many SMS logins. The OTP login itself is
 * tested in test/http/auth.test.ts.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { sessionCookieName } from '../../server/auth/session/session-cookie';
import { createSession } from '../../server/auth/session/session-store';
import type { Database } from '../../server/store/schema';

export interface Shopper {
  accountId: string;
  /** The session cookie's value. */
  sessionId: string;
  addressId: string;
  /** `name=value` for a Cookie header. */
  cookie: string;
}

let made = 0;

/** Makes `count` shoppers, each with a session and an address at `pin` (Bengaluru by default). */
export async function createShoppers(db: Kysely<Database>, count: number, options: { now: number; secureCookies: boolean; pin?: string }): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  const { now } = options;
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, () => {
      made += 1;
      // Numbers from a range no real test uses (5 is not a valid first digit for a login, but the store does not mind).
      const mobile = `+915${String(process.pid % 1000).padStart(3, '0')}${String(made).padStart(6, '0')}`;
      return { accountId: crypto.randomUUID(), addressId: crypto.randomUUID(), mobile };
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values(batch.map((b) => ({ id: b.accountId, mobile: b.mobile, name: 'Test Shopper', email: null, password_hash: null, created_at: now, updated_at: now }))).execute();
      await trx
        .insertInto('addresses')
        .values(
          batch.map((b) => ({
            id: b.addressId,
            account_id: b.accountId,
            name: 'Test Shopper',
            phone: '9876543210',
            pin: options.pin ?? '560001',
            line1: '12 MG Road',
            line2: null,
            landmark: null,
            city: 'Bengaluru',
            state: 'Karnataka',
            type: 'home',
            is_default: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      for (const b of batch) {
        const { id } = await createSession(trx, b.accountId, 'full', now);
        shoppers.push({ accountId: b.accountId, sessionId: id, addressId: b.addressId, cookie: `${sessionCookieName(options.secureCookies)}=${id}` });
      }
    });
  }
  return shoppers;
}
