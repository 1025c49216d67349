/**
 * Idempotency keys of order requests, per shopper, kept 24 hours. A request claims its key before
 * it works (a `running` row, visible to every server on the store); the order's own transaction
 * stores the answer in the same row, so an order and its replayable answer commit together. A
 * request that fails releases the key, so the shopper may retry with it; only a success is bound.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import { affectedRows, preparedQuery } from '../store/prepared-query';
import type { Database } from '../store/schema';

/** How long a key and its answer are kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** A running claim older than this belongs to a request that died (a crash mid-request); another may take it over. */
export const IDEMPOTENCY_LEASE_MS = 60_000;

// Every order claims and completes a key: both compiled once (store/prepared-query.ts).
type ClaimValues = { accountId: string; key: string; hash: string; owner: string; now: number; expiresAt: number };
const insertClaim = preparedQuery((db, p: ClaimValues) =>
  db
    .insertInto('idempotency_keys')
    .values({ account_id: p.accountId, key: p.key, request_hash: p.hash, state: 'running', owner: p.owner, status_code: null, response: null, locked_at: p.now, created_at: p.now, expires_at: p.expiresAt })
    .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing()),
);
const insertAnswer = preparedQuery((db, p: ClaimValues & { status: number; body: string }) =>
  db
    .insertInto('idempotency_keys')
    .values({ account_id: p.accountId, key: p.key, request_hash: p.hash, state: 'done', owner: p.owner, status_code: p.status, response: p.body, locked_at: p.now, created_at: p.now, expires_at: p.expiresAt }),
);
const keyState = preparedQuery((db, p: { accountId: string; key: string }) => db.selectFrom('idempotency_keys').select('state').where('account_id', '=', p.accountId).where('key', '=', p.key));
const storeAnswer = preparedQuery((db, p: { accountId: string; key: string; owner: string; status: number; body: string }) =>
  db
    .updateTable('idempotency_keys')
    .set({ state: 'done', status_code: p.status, response: p.body })
    .where('account_id', '=', p.accountId)
    .where('key', '=', p.key)
    .where('owner', '=', p.owner)
    .where('state', '=', 'running'),
);

/** A claim on a key: the caller owns it until it completes or releases it. */
export interface KeyClaim {
  accountId: string;
  key: string;
  owner: string;
  /** Set when the key's row is not written yet: completing the claim inserts it, answer and all. */
  unwritten?: { hash: string; now: number };
}

export type ClaimResult = { kind: 'claimed'; claim: KeyClaim } | { kind: 'replay'; status: number; body: string };

/** Claims `key` for this request, or answers the stored answer, or refuses (422 other body, 409 still running). */
export async function claimKey(db: Kysely<Database>, accountId: string, key: string, hash: string, now: number): Promise<ClaimResult> {
  const owner = crypto.randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await insertClaim(db, { accountId, key, hash, owner, now, expiresAt: now + IDEMPOTENCY_TTL_MS });
    if (affectedRows(inserted) === 1) return { kind: 'claimed', claim: { accountId, key, owner } };

    const row = await db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('key', '=', key).executeTakeFirst();
    if (!row) continue; // released in between: try the insert again
    if (Number(row.expires_at) <= now) {
      // Past its 24 hours the key is free again.
      await db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).where('expires_at', '<=', now).execute();
      continue;
    }
    if (row.request_hash !== hash) throw new AppError('idempotency-key-reused');
    if (row.state === 'done') return { kind: 'replay', status: Number(row.status_code), body: row.response! };
    const lockedAt = Number(row.locked_at);
    if (lockedAt + IDEMPOTENCY_LEASE_MS > now) {
      throw new AppError('idempotency-key-in-use', { retryAfterSec: Math.max(1, Math.ceil((lockedAt + IDEMPOTENCY_LEASE_MS - now) / 1000)) });
    }
    // The request that held it died without an answer (no order was committed, or the row would be done): take it over.
    const taken = await db
      .updateTable('idempotency_keys')
      .set({ owner, locked_at: now })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('state', '=', 'running')
      .where('owner', '=', row.owner)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return { kind: 'claimed', claim: { accountId, key, owner } };
  }
  throw new AppError('idempotency-key-in-use', { retryAfterSec: 1 });
}

/**
 * Claims `key` inside the one transaction that will also place the order and store its answer,
 * for SQLite, where that transaction is the only writer: a key no row holds is claimed without a
 * write, and `completeKey` inserts its row once, answered (a `running` row could never be seen by
 * anyone before the commit anyway). A key some row holds is decided as `claimKey` decides it.
 */
export async function claimKeyInTransaction(trx: Kysely<Database>, accountId: string, key: string, hash: string, now: number): Promise<ClaimResult> {
  const held = (await keyState(trx, { accountId, key })).rows[0];
  if (held === undefined) return { kind: 'claimed', claim: { accountId, key, owner: crypto.randomUUID(), unwritten: { hash, now } } };
  return claimKey(trx, accountId, key, hash, now);
}

/** Stores the answer inside the caller's transaction; throws if the claim was lost (the transaction then rolls back). */
export async function completeKey(trx: Kysely<Database>, claim: KeyClaim, status: number, body: string): Promise<void> {
  if (claim.unwritten) {
    const { hash, now } = claim.unwritten;
    await insertAnswer(trx, { accountId: claim.accountId, key: claim.key, owner: claim.owner, hash, now, expiresAt: now + IDEMPOTENCY_TTL_MS, status, body });
    return;
  }
  const result = await storeAnswer(trx, { ...claim, status, body });
  if (affectedRows(result) !== 1) throw new AppError('idempotency-key-in-use', { retryAfterSec: 1 });
}

/** Frees a claim whose request failed, so the key may be used again. */
export async function releaseKey(db: Kysely<Database>, claim: KeyClaim): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', claim.accountId)
    .where('key', '=', claim.key)
    .where('owner', '=', claim.owner)
    .where('state', '=', 'running')
    .execute();
}

/** Forgets keys past their 24 hours. */
export async function pruneKeys(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
