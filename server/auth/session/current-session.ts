/** The session a request carries, and the guards routes put in front of their handlers. */
import type { Request, Response } from 'express';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { sessionIdOfCookies } from './session-cookie';
import { findSession, STEP_UP_WINDOW_MS, type Session, type SessionKind } from './session-store';

const cache = new WeakMap<Request, Promise<Session | null>>();

/** The live session of this request, looked up once per request. */
export function currentSession(deps: ServerDeps, req: Request): Promise<Session | null> {
  let found = cache.get(req);
  if (!found) {
    found = sessionOfCookies(deps, req.headers.cookie);
    cache.set(req, found);
  }
  return found;
}

/** The session, which must be of `kind`; otherwise `login-required`. */
export async function requireSession(deps: ServerDeps, req: Request, kind: SessionKind = 'full'): Promise<Session> {
  return ofKind(await currentSession(deps, req), kind);
}

/** As `requireSession`, from the request's `Cookie` header (for handlers that run before Express). */
export async function requireSessionOfCookies(deps: ServerDeps, cookies: string | undefined, kind: SessionKind = 'full'): Promise<Session> {
  return ofKind(await sessionOfCookies(deps, cookies), kind);
}

/** The live session a `Cookie` header names, if any. */
function sessionOfCookies(deps: ServerDeps, cookies: string | undefined): Promise<Session | null> {
  const id = sessionIdOfCookies(cookies, deps.config.secureCookies);
  return id ? findSession(deps.store.db, id, deps.now()) : Promise.resolve(null);
}

function ofKind(session: Session | null, kind: SessionKind): Session {
  if (!session || session.kind !== kind) throw new AppError('login-required');
  return session;
}

/** A full session whose person proved who they are within the last 10 minutes; otherwise `step-up-required`. */
export async function requireRecentLogin(deps: ServerDeps, req: Request, res: Response): Promise<Session> {
  const session = await requireSession(deps, req);
  if (session.authenticatedAt + STEP_UP_WINDOW_MS <= deps.now()) {
    res.setHeader('Cache-Control', 'no-store');
    throw new AppError('step-up-required');
  }
  return session;
}

/** The account id of a logged-in request, or null; for other domains (the cart). */
export async function sessionAccountId(deps: ServerDeps, req: Request): Promise<string | null> {
  const session = await currentSession(deps, req);
  return session?.kind === 'full' ? session.accountId : null;
}
