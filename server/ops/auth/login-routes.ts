/**
 * `/ops/login` and `/ops/logout`: a small server-rendered form that trades the operator token for a
 * session cookie. Failed attempts are limited per client address so the token cannot be guessed.
 */
import express, { type Response, type Router } from 'express';
import { AppError } from '../../errors/app-error';
import { sameOriginOnly } from '../../http/same-origin';
import { createNonce } from '../../shells/nonce';
import { escapeHtml } from '../html';
import type { OperatorAuth } from '../../http/operators/operator-auth';

const DEFAULT_NEXT = '/ops/console';

/** Only paths inside /ops: a login link must not be able to send an operator elsewhere. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/ops\/[^\\]*$/.test(value) && !value.startsWith('/ops/login') ? value : DEFAULT_NEXT;
}

export function loginRoutes(auth: OperatorAuth): Router {
  const router = express.Router();

  router.get('/login', (req, res) => {
    sendLoginPage(res, 200, safeNext(req.query.next), auth.isOperator(req) ? 'You are signed in already.' : '');
  });

  router.post('/login', sameOriginOnly, express.urlencoded({ extended: false, limit: '4kb' }), express.json({ limit: '4kb' }), async (req, res) => {
    const ip = req.ip ?? 'unknown';
    const wantsJson = typeof req.is('application/json') === 'string';
    if ((await auth.guesses.blockedFor(ip)) !== null) throw new AppError('forbidden', { reason: 'too many failed operator logins' }, 'Too many wrong tokens. Try again in 15 minutes.');
    const body = (req.body ?? {}) as { token?: unknown; next?: unknown };
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const next = safeNext(body.next);
    if (!token || !auth.checkToken(token)) {
      await auth.guesses.fail(ip);
      res.setHeader('Cache-Control', 'no-store');
      const error = new AppError('invalid-operator-token');
      if (wantsJson) return void res.status(error.status).json(error.toJSON());
      return sendLoginPage(res, error.status, next, error.message);
    }
    await auth.guesses.clear(ip);
    auth.startSession(res);
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson) return void res.json({ ok: true, next });
    // 303 so a refresh of the next page does not resend the token.
    res.redirect(303, next);
  });

  router.post('/logout', sameOriginOnly, (_req, res) => {
    auth.endSession(res);
    res.redirect(303, '/ops/login');
  });
  return router;
}

function sendLoginPage(res: Response, status: number, next: string, message: string): void {
  const nonce = createNonce();
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader(
    'Content-Security-Policy',
    // img-src 'self' for the favicon alone: with default-src 'none' the browser would refuse it.
    `default-src 'none'; img-src 'self'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  res.send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Operator login · storefront-lite</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><style nonce="${nonce}">
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0f172a;font:15px/1.5 system-ui,sans-serif;color:#e2e8f0}
form{background:#1e293b;padding:2rem;border-radius:12px;width:min(22rem,90vw);box-shadow:0 10px 30px #0006}
h1{font-size:1.2rem;margin:0 0 1rem}label{display:block;font-size:.85rem;color:#94a3b8;margin-bottom:.3rem}
input{box-sizing:border-box;width:100%;padding:.6rem;border-radius:6px;border:1px solid #334155;background:#0f172a;color:inherit;font:inherit}
button{margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:6px;background:#4f46e5;color:#fff;font:inherit;font-weight:600;cursor:pointer}
p{margin:.8rem 0 0;color:#fca5a5;font-size:.9rem}</style></head><body>
<form method="post" action="/ops/login"><h1>storefront-lite · operators</h1>
<label for="token">Operator token</label><input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}"><button type="submit">Sign in</button>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}</form></body></html>`);
}
