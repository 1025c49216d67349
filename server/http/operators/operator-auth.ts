/**
 * Who is an operator: a request with `Authorization: Bearer <token>` or a valid session cookie.
 * `requireOperator` guards any route with it; the console, and later the service-worker kill
 * switch and push campaigns, mount behind it.
 */
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { createSessionSigner, SESSION_TTL_MS, type SessionSigner } from './operator-session';
import { loadOperatorToken, tokenMatches } from './operator-token';

export interface OperatorAuth {
  /** True when the request carries the token or a valid session. */
  isOperator(req: Request): boolean;
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
export function createOperatorAuth(deps: ServerDeps, envToken = process.env.OPS_TOKEN): OperatorAuth {
  const token = loadOperatorToken(deps.config.dataDir, envToken, deps.logger);
  const signer: SessionSigner = createSessionSigner(token);
  const secure = deps.config.secureCookies;
  const name = operatorCookieName(secure);
  const cookie = (value: string, maxAge: number) =>
    serialize(name, value, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge });
  return {
    isOperator(req) {
      const header = req.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        return match !== null && tokenMatches(match[1]!, token);
      }
      const session = req.headers.cookie ? parseCookies(req.headers.cookie)[name] : undefined;
      return session !== undefined && signer.verify(session, deps.now());
    },
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
  return (req, res, next) => {
    if (auth.isOperator(req)) return next();
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
