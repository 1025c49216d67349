/**
 * Secrets the shop makes on first start (the OTP key, the operator token), kept in the store so
 * every node checks what another issued: the first node to start inserts one, every later one
 * (and every restart) reads it back. A secret an older version kept on its own disk is moved into
 * the store on the first start after the upgrade, so codes, sessions and tokens keep working.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

export interface SharedSecret {
  value: string;
  /** `created`: this start made it; `migrated`: it came from `legacyFile` now; `stored`: another start made it. */
  origin: 'created' | 'migrated' | 'stored';
}

/** The secret named `name` in the store, made (or taken from `legacyFile`) when the store has none. */
export async function sharedSecret(db: Kysely<Database>, name: string, now: number, legacyFile?: string): Promise<SharedSecret> {
  const existing = await read(db, name);
  if (existing !== undefined) return { value: existing, origin: 'stored' };
  const legacy = legacyFile ? readLegacy(legacyFile) : undefined;
  const candidate = legacy ?? crypto.randomBytes(32).toString('base64url');
  // Two nodes starting together both try: the unique name lets one insert win, and both read it back.
  const inserted = await db
    .insertInto('shop_secrets')
    .values({ name, value: candidate, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  const value = (await read(db, name))!;
  const won = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && value === candidate;
  return { value, origin: !won ? 'stored' : legacy !== undefined ? 'migrated' : 'created' };
}

async function read(db: Kysely<Database>, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('shop_secrets').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

function readLegacy(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    return value.length > 0 ? value : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
