/**
 * Who is an operator: a request with `Authorization: Bearer <token>` or a valid session cookie.
 * `requireOperator` guards any route with it; the console, and later the service-worker kill
 * switch and push campaigns, mount behind it.
 */
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { createGuessLimiter, type GuessLimiter } from './guess-limiter';
import { createSessionSigner, SESSION_TTL_MS, type SessionSigner } from './operator-session';
import { loadOperatorToken, tokenMatches } from './operator-token';

/** What a request's credentials come to. */
export type OperatorCheck = 'operator' | 'none' | 'wrong-token';

export interface OperatorAuth {
  /** True when the request carries the token or a valid session. */
  isOperator(req: Request): boolean;
  /** Whether the request is an operator's, carries no credential, or a wrong Bearer token. */
  check(req: Request): OperatorCheck;
  /** Wrong tokens per address, shared by the login form and Bearer headers. */
  readonly guesses: GuessLimiter;
  /** True when `presented` is the operator token. */
  checkToken(presented: string): boolean;
  /** Signs the browser in: sets the session cookie. */
  startSession(res: Response): void;
  endSession(res: Response): void;
}

/** `__Host-` requires Secure; plain-HTTP LAN testing (INSECURE_COOKIES=1) uses the bare name. */
export function operatorCookieName(secure: boolean): string {
  return secure ? '__Host-sf_ops' : 'sf_ops';
}

/** Reads (or creates) the operator token and returns the checks built on it. */
export async function createOperatorAuth(deps: ServerDeps, envToken = process.env.OPS_TOKEN): Promise<OperatorAuth> {
  const token = await loadOperatorToken(deps.store.db, deps.config.dataDir, envToken, deps.logger, deps.now());
  const signer: SessionSigner = createSessionSigner(token);
  const secure = deps.config.secureCookies;
  const name = operatorCookieName(secure);
  const cookie = (value: string, maxAge: number) =>
    serialize(name, value, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge });
  const check = (req: Request): OperatorCheck => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      return match !== null && tokenMatches(match[1]!, token) ? 'operator' : 'wrong-token';
    }
    const session = req.headers.cookie ? parseCookies(req.headers.cookie)[name] : undefined;
    return session !== undefined && signer.verify(session, deps.now()) ? 'operator' : 'none';
  };
  return {
    isOperator: (req) => check(req) === 'operator',
    check,
    guesses: createGuessLimiter(deps.limits, deps.now),
    checkToken: (presented) => tokenMatches(presented, token),
    startSession(res) {
      res.append('Set-Cookie', cookie(signer.issue(deps.now()), SESSION_TTL_MS / 1000));
    },
    endSession(res) {
      res.append('Set-Cookie', cookie('', 0));
    },
  };
}

/** JSON 401 body; the code is stable for clients (see server/ops/README.md). */
export const OPERATOR_REQUIRED = new AppError('operator-required').toJSON();

/**
 * Lets operators through. Others get a 401 JSON answer, or, for a page navigation, a redirect to
 * the login page that comes back here afterwards.
 */
export function requireOperator(auth: OperatorAuth): RequestHandler {
  return async (req, res, next) => {
    const bearer = req.headers.authorization !== undefined;
    const ip = req.ip ?? 'unknown';
    // Guessing the token by header meets the same limit as guessing it in the login form.
    const blocked = bearer ? await auth.guesses.blockedFor(ip) : null;
    if (blocked !== null) {
      res.setHeader('Cache-Control', 'no-store').setHeader('Retry-After', String(blocked));
      res.status(429).json(new AppError('rate-limited', { retryAfterSec: blocked }, 'Too many wrong operator tokens from this address. Try again later.').toJSON());
      return;
    }
    const verdict = auth.check(req);
    if (verdict === 'operator') {
      if (bearer) await auth.guesses.clear(ip);
      return next();
    }
    if (verdict === 'wrong-token') await auth.guesses.fail(ip);
    res.setHeader('Cache-Control', 'no-store');
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.originalUrl.startsWith('/ops/api/') && req.accepts(['json', 'html']) === 'html';
    if (isPage) {
      res.redirect(303, `/ops/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="ops"');
    res.status(401).json(OPERATOR_REQUIRED);
  };
}
