/** Accounts: found by number or id, created on first verified login, and what `/me` shows of them. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';
import { maskMobile } from '../mobile/mobile-number';
import type { Account } from '../../../shared/api-types';
import type { AccountsTable } from '../tables';

/** What `/me` shows of an account: the wire type every client reads. */
export type AccountView = Account;

export function toAccountView(row: AccountsTable): AccountView {
  return {
    id: row.id,
    mobile: row.mobile,
    mobileMasked: maskMobile(row.mobile),
    name: row.name,
    email: row.email,
    hasPassword: row.password_hash !== null,
    createdAt: Number(row.created_at),
  };
}

export async function findAccountByMobile(db: Kysely<Database>, mobile: string): Promise<AccountsTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('mobile', '=', mobile).executeTakeFirst();
}

export async function findAccount(db: Kysely<Database>, id: string): Promise<AccountsTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account of this number, created if it has none; `created` says which. */
export async function findOrCreateAccount(db: Kysely<Database>, mobile: string, now: number): Promise<{ account: AccountsTable; created: boolean }> {
  const existing = await findAccountByMobile(db, mobile);
  if (existing) return { account: existing, created: false };
  const row: AccountsTable = { id: crypto.randomUUID(), mobile, name: null, email: null, password_hash: null, created_at: now, updated_at: now };
  const inserted = await db.insertInto('accounts').values(row).onConflict((oc) => oc.column('mobile').doNothing()).executeTakeFirst();
  // A parallel sign-up of the same number won: use its account.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { account: (await findAccountByMobile(db, mobile))!, created: false };
  return { account: row, created: true };
}

export async function updateAccount(db: Kysely<Database>, id: string, changes: Partial<Pick<AccountsTable, 'name' | 'email' | 'password_hash' | 'mobile'>>, now: number): Promise<void> {
  await db.updateTable('accounts').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
}
