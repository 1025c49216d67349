/**
 * Server-side sessions: 256-bit random ids, stored as SHA-256 hashes, with idle and absolute timeouts.
 * Three kinds: `full` (logged in), `second-factor` (OTP passed, password still due) and `reset`
 * (may only set a new password).
 */
import crypto from 'node:crypto';
import { hashToken } from '../../http/token-hash';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../store/prepared-query';
import type { Database } from '../../store/schema';
import type { SessionsTable } from '../tables';
import { touchSession } from './session-touches';

export type SessionKind = 'full' | 'second-factor' | 'reset';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SESSION_LIMITS: Record<SessionKind, { idleMs: number; absoluteMs: number }> = {
  full: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
  'second-factor': { idleMs: 5 * MINUTE, absoluteMs: 5 * MINUTE },
  reset: { idleMs: 10 * MINUTE, absoluteMs: 10 * MINUTE },
};
/** Sensitive actions need a login or step-up within this long. */
export const STEP_UP_WINDOW_MS = 10 * MINUTE;
/** `last_seen_at` is written at most this often, so reads rarely write. */
const TOUCH_EVERY_MS = MINUTE;

export interface Session {
  idHash: string;
  accountId: string;
  kind: SessionKind;
  createdAt: number;
  authenticatedAt: number;
  expiresAt: number;
}

function toSession(row: SessionsTable): Session {
  return {
    idHash: row.id_hash,
    accountId: row.account_id,
    kind: row.kind as SessionKind,
    createdAt: Number(row.created_at),
    authenticatedAt: Number(row.authenticated_at),
    expiresAt: Number(row.expires_at),
  };
}

/** Creates a session and answers its cookie value (the only place the raw id exists). */
export async function createSession(
  db: Kysely<Database>,
  accountId: string,
  kind: SessionKind,
  now: number,
  authenticatedAt = now,
): Promise<{ id: string; session: Session; maxAgeMs: number }> {
  const id = crypto.randomBytes(32).toString('base64url');
  const { absoluteMs } = SESSION_LIMITS[kind];
  const row: SessionsTable = {
    id_hash: hashToken(id),
    account_id: accountId,
    kind,
    created_at: now,
    last_seen_at: now,
    authenticated_at: authenticatedAt,
    expires_at: now + absoluteMs,
  };
  await db.insertInto('sessions').values(row).execute();
  return { id, session: toSession(row), maxAgeMs: absoluteMs };
}

// Every signed-in request looks its session up: compiled once (store/prepared-query.ts).
const sessionByHash = preparedQuery((db, p: { idHash: string }) => db.selectFrom('sessions').selectAll().where('id_hash', '=', p.idHash));

/** The live session with this cookie value, or null when unknown, idle too long or past its end. */
export async function findSession(db: Kysely<Database>, id: string, now: number): Promise<Session | null> {
  const row = (await sessionByHash(db, { idHash: hashToken(id) })).rows[0];
  if (!row) return null;
  const kind = row.kind as SessionKind;
  const limits = SESSION_LIMITS[kind];
  if (!limits || Number(row.expires_at) <= now || Number(row.last_seen_at) + limits.idleMs <= now) return null;
  if (now - Number(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await touchSession(db, row.id_hash, now);
  }
  return toSession(row);
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs the account out everywhere, except (optionally) one session. */
export async function deleteAccountSessions(db: Kysely<Database>, accountId: string, exceptIdHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  await query.execute();
}

/** Forgets sessions past their absolute end. */
export async function pruneSessions(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
