/** Starting a session always rotates: the request's old session (of any kind) ends and a new id is set. */
import type { Request, Response } from 'express';
import type { ServerDeps } from '../../deps';
import { deviceOf } from '../device/device-cookie';
import { rememberDevice } from '../device/known-devices';
import { clearFailures } from '../limits/lockout';
import { currentSession } from './current-session';
import type { LoginHooks } from './login-hooks';
import { setSessionCookie } from './session-cookie';
import { createSession, deleteSession, pruneSessions, type Session, type SessionKind } from './session-store';

/** Ends the request's session (if any) and sets a fresh one of `kind`. */
export async function startSession(deps: ServerDeps, req: Request, res: Response, accountId: string, kind: SessionKind): Promise<Session> {
  const { db } = deps.store;
  const now = deps.now();
  const old = await currentSession(deps, req);
  if (old) await deleteSession(db, old.idHash);
  if (Math.random() < 0.05) await pruneSessions(db, now);
  const { id, session, maxAgeMs } = await createSession(db, accountId, kind, now);
  setSessionCookie(res, deps.config.secureCookies, id, maxAgeMs);
  return session;
}

/** A completed login: a full session, the failure count cleared, then the app's login hooks (the guest cart merge). */
export async function completeLogin(
  deps: ServerDeps,
  req: Request,
  res: Response,
  account: { id: string; mobile: string },
  hooks: LoginHooks,
): Promise<Session> {
  const session = await startSession(deps, req, res, account.id, 'full');
  const device = deviceOf(req, deps.config.secureCookies);
  await clearFailures(deps.limits, account.mobile, device);
  // From now on this browser is the number's own: strangers' failures and sends never hold it up.
  await rememberDevice(deps.store.db, account.mobile, device, deps.now());
  for (const hook of hooks.onLogin) await hook(req, res, account);
  return session;
}
