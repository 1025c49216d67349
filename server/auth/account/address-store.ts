/** Saved addresses of an account: at most 20; exactly one is the default once there is any. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors/app-error';
import { preparedQuery } from '../../store/prepared-query';
import type { Database } from '../../store/schema';
import type { Address } from '../../../shared/api-types';
import type { AddressesTable } from '../tables';
import type { AddressPatch, NewAddress } from './address-schema';

export const MAX_ADDRESSES = 20;

export type { Address };

/** A stored address as the API shows it. */
export function toAddress(row: AddressesTable): Address {
  const { id, name, phone, pin, line1, line2, landmark, city, state } = row;
  return { id, name, phone, pin, line1, line2, landmark, city, state, type: row.type as Address['type'], isDefault: row.is_default === 1 };
}

/** The account's addresses, the default first, then oldest first. */
export async function listAddresses(db: Kysely<Database>, accountId: string): Promise<Address[]> {
  const rows = await db.selectFrom('addresses').selectAll().where('account_id', '=', accountId).orderBy('is_default', 'desc').orderBy('created_at').orderBy('id').execute();
  return rows.map(toAddress);
}

// Every order reads its address: compiled once (store/prepared-query.ts).
const addressById = preparedQuery((db, p: { id: string; accountId: string }) => db.selectFrom('addresses').selectAll().where('id', '=', p.id).where('account_id', '=', p.accountId));

/** One of the account's addresses, or `address-not-found` (also for another account's). */
export async function findAddress(db: Kysely<Database>, accountId: string, id: string): Promise<Address> {
  const row = (await addressById(db, { id, accountId })).rows[0];
  if (!row) throw new AppError('address-not-found', { id });
  return toAddress(row);
}

export async function addAddress(db: Kysely<Database>, accountId: string, input: NewAddress, now: number): Promise<Address> {
  return db.transaction().execute(async (trx) => {
    const count = await trx.selectFrom('addresses').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ADDRESSES) throw new AppError('too-many-addresses', { max: MAX_ADDRESSES });
    const isDefault = input.isDefault === true || Number(count.n) === 0;
    if (isDefault) await trx.updateTable('addresses').set({ is_default: 0 }).where('account_id', '=', accountId).execute();
    const { isDefault: _ignored, ...fields } = input;
    const row: AddressesTable = { id: crypto.randomUUID(), account_id: accountId, ...fields, is_default: isDefault ? 1 : 0, created_at: now, updated_at: now };
    await trx.insertInto('addresses').values(row).execute();
    return toAddress(row);
  });
}

export async function updateAddress(db: Kysely<Database>, accountId: string, id: string, patch: AddressPatch, now: number): Promise<Address> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('addresses').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (!row) throw new AppError('address-not-found', { id });
    const { isDefault, ...fields } = patch;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<AddressesTable>;
    // Only "make this the default" is honoured; the default moves, it is never switched off.
    if (isDefault === true) await trx.updateTable('addresses').set({ is_default: 0 }).where('account_id', '=', accountId).execute();
    const next = { ...row, ...changes, ...(isDefault === true ? { is_default: 1 } : {}), updated_at: now };
    await trx.updateTable('addresses').set(next).where('id', '=', id).execute();
    return toAddress(next);
  });
}

export async function deleteAddress(db: Kysely<Database>, accountId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('addresses').select('is_default').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (!row) throw new AppError('address-not-found', { id });
    await trx.deleteFrom('addresses').where('id', '=', id).execute();
    if (row.is_default === 1) {
      const next = await trx.selectFrom('addresses').select('id').where('account_id', '=', accountId).orderBy('created_at').orderBy('id').executeTakeFirst();
      if (next) await trx.updateTable('addresses').set({ is_default: 1 }).where('id', '=', next.id).execute();
    }
  });
}
