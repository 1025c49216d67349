/**
 * `/api/auth`: identify by mobile number, verify the SMS code, the second factor, forgotten
 * passwords, step-up and sign-out. Every route is POST, checked for same-origin, and answers
 * `no-store`. See README.md for the contract.
 */
import { Router, type Request, type Response } from 'express';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { sameOriginOnly } from '../http/same-origin';
import { authContext, type AuthContext } from './auth-context';
import { findAccount, findAccountByMobile, findOrCreateAccount, toAccountView, updateAccount } from './account/account-store';
import { readBody, readCode, readMobile, readPassword } from './http-input';
import { clearFailures, lockedFor, recordFailure } from './limits/lockout';
import { maskMobile } from './mobile/mobile-number';
import { attemptOf, retryLater, sendOtp, verifyOtp } from './otp/otp-challenges';
import { deviceOf } from './device/device-cookie';
import { hashPassword, verifyPassword } from './password/password-hash';
import { checkPassword } from './password/password-policy';
import { currentSession, requireRecentLogin, requireSession } from './session/current-session';
import { clearSessionCookie } from './session/session-cookie';
import { passwordResetNoticeBody } from './sms/sms-body';
import { deleteAccountSessions, deleteSession, SESSION_LIMITS, STEP_UP_WINDOW_MS } from './session/session-store';
import type { LoginHooks } from './session/login-hooks';
import { completeLogin, startSession } from './session/start-session';
import { noStore } from '../http/no-store';

/** The login code goes to known and unknown numbers alike; only its (hashed-in) purpose differs. */
async function sendLoginCode(ctx: AuthContext, req: Request, res: Response, mobile: string): Promise<void> {
  const account = await findAccountByMobile(ctx.store.db, mobile);
  const sent = await sendOtp(ctx, req, res, { mobile, flow: 'login', purpose: account ? 'login' : 'signup', accountId: null });
  res.json({ ...sent, mobileMasked: maskMobile(mobile) });
}

/** Reset codes too go to any number, so the answer never tells whether it has an account. */
async function sendResetCode(ctx: AuthContext, req: Request, res: Response, mobile: string): Promise<void> {
  const sent = await sendOtp(ctx, req, res, { mobile, flow: 'reset', purpose: 'reset', accountId: null });
  res.json({ ...sent, mobileMasked: maskMobile(mobile) });
}

/** The reset is done either way: a notice that cannot be sent is logged, not an error for the shopper. */
async function sendResetNotice(ctx: AuthContext, mobile: string): Promise<void> {
  try {
    await ctx.sms.send({ to: mobile, body: passwordResetNoticeBody(ctx.config.publicHost) });
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not send the password-reset notice');
  }
}

async function loadAccount(ctx: AuthContext, accountId: string) {
  const account = await findAccount(ctx.store.db, accountId);
  if (!account) throw new AppError('login-required');
  return account;
}

export function authRoutes(deps: ServerDeps, hooks: LoginHooks): Router {
  const ctx = authContext(deps);
  const { db } = ctx.store;
  const secure = ctx.config.secureCookies;
  const router = Router();
  router.use(sameOriginOnly);
  router.use(noStore);

  router.post('/identify', async (req, res) => {
    const body = readBody(req, ['mobile']);
    await sendLoginCode(ctx, req, res, readMobile(body.mobile));
  });

  router.post('/otp/resend', async (req, res) => {
    const body = readBody(req, ['mobile', 'purpose']);
    const mobile = readMobile(body.mobile);
    if (body.purpose === 'reset') return sendResetCode(ctx, req, res, mobile);
    if (body.purpose !== undefined && body.purpose !== 'login') throw new AppError('bad-request', { field: 'purpose' }, "purpose must be 'login' or 'reset'.");
    await sendLoginCode(ctx, req, res, mobile);
  });

  router.post('/otp/verify', async (req, res) => {
    const body = readBody(req, ['mobile', 'code']);
    const mobile = readMobile(body.mobile);
    const code = readCode(body.code);
    await verifyOtp(ctx, req, res, { mobile, flow: 'login', code });
    const { account, created } = await findOrCreateAccount(db, mobile, ctx.now());
    if (account.password_hash !== null) {
      // 2-step verification: the number is proven; the password is still due.
      await startSession(ctx, req, res, account.id, 'second-factor');
      res.json({ status: 'password-required', expiresInSec: SESSION_LIMITS['second-factor'].absoluteMs / 1000 });
      return;
    }
    await completeLogin(ctx, req, res, account, hooks);
    res.json({ status: created ? 'signed-up' : 'logged-in', account: toAccountView(account) });
  });

  router.post('/password/verify', async (req, res) => {
    const body = readBody(req, ['password']);
    const password = readPassword(body.password);
    const session = await requireSession(ctx, req, 'second-factor');
    const account = await loadAccount(ctx, session.accountId);
    const attempt = await attemptOf(ctx, req, account.mobile);
    const locked = await lockedFor(ctx.limits, attempt, ctx.now());
    if (locked !== null) throw retryLater(res, 'login-locked', locked);
    if (!account.password_hash || !(await verifyPassword(password, account.password_hash))) {
      await recordFailure(ctx.limits, attempt, ctx.now());
      throw new AppError('invalid-credentials');
    }
    await completeLogin(ctx, req, res, account, hooks);
    res.json({ status: 'logged-in', account: toAccountView(account) });
  });

  router.post('/password', async (req, res) => {
    const body = readBody(req, ['password']);
    const password = readPassword(body.password);
    const session = await requireRecentLogin(ctx, req, res);
    checkPassword(password);
    await updateAccount(db, session.accountId, { password_hash: await hashPassword(password) }, ctx.now());
    // A new password ends every other session: whoever knew the old one is out.
    await deleteAccountSessions(db, session.accountId, session.idHash);
    res.json({ account: toAccountView(await loadAccount(ctx, session.accountId)) });
  });

  router.delete('/password', async (req, res) => {
    const session = await requireRecentLogin(ctx, req, res);
    await updateAccount(db, session.accountId, { password_hash: null }, ctx.now());
    // Without the second factor, a session someone opened with the password must not outlive it.
    await deleteAccountSessions(db, session.accountId, session.idHash);
    res.json({ account: toAccountView(await loadAccount(ctx, session.accountId)) });
  });

  router.post('/forgot/start', async (req, res) => {
    const body = readBody(req, ['mobile']);
    await sendResetCode(ctx, req, res, readMobile(body.mobile));
  });

  router.post('/forgot/verify', async (req, res) => {
    const body = readBody(req, ['mobile', 'code']);
    const mobile = readMobile(body.mobile);
    const code = readCode(body.code);
    await verifyOtp(ctx, req, res, { mobile, flow: 'reset', code });
    // Only the holder of the number gets here, so telling them it has no account leaks nothing.
    const account = await findAccountByMobile(db, mobile);
    if (!account) throw new AppError('no-account');
    await startSession(ctx, req, res, account.id, 'reset');
    res.json({ status: 'reset-allowed', expiresInSec: SESSION_LIMITS.reset.absoluteMs / 1000 });
  });

  router.post('/forgot/reset', async (req, res) => {
    const body = readBody(req, ['password']);
    const password = readPassword(body.password);
    const session = await requireSession(ctx, req, 'reset');
    checkPassword(password);
    const account = await loadAccount(ctx, session.accountId);
    await updateAccount(db, account.id, { password_hash: await hashPassword(password) }, ctx.now());
    await deleteAccountSessions(db, account.id);
    await clearFailures(ctx.limits, account.mobile, deviceOf(req, secure));
    clearSessionCookie(res, secure);
    await sendResetNotice(ctx, account.mobile);
    res.json({ status: 'password-reset' });
  });

  router.post('/step-up/start', async (req, res) => {
    readBody(req, []);
    const session = await requireSession(ctx, req);
    const account = await loadAccount(ctx, session.accountId);
    const sent = await sendOtp(ctx, req, res, { mobile: account.mobile, flow: 'step-up', purpose: 'step-up', accountId: account.id });
    res.json({ ...sent, mobileMasked: maskMobile(account.mobile) });
  });

  router.post('/step-up/verify', async (req, res) => {
    const body = readBody(req, ['code']);
    const code = readCode(body.code);
    const session = await requireSession(ctx, req);
    const account = await loadAccount(ctx, session.accountId);
    const verified = await verifyOtp(ctx, req, res, { mobile: account.mobile, flow: 'step-up', code });
    if (verified.accountId !== account.id) throw new AppError('otp-expired');
    await startSession(ctx, req, res, account.id, 'full');
    await clearFailures(ctx.limits, account.mobile, deviceOf(req, secure));
    res.json({ status: 'verified', stepUpValidForSec: STEP_UP_WINDOW_MS / 1000 });
  });

  router.post('/logout', async (req, res) => {
    const session = await currentSession(ctx, req);
    if (session) await deleteSession(db, session.idHash);
    clearSessionCookie(res, secure);
    res.status(204).end();
  });

  router.post('/logout-all', async (req, res) => {
    const session = await requireSession(ctx, req);
    await deleteAccountSessions(db, session.accountId);
    clearSessionCookie(res, secure);
    res.status(204).end();
  });

  return router;
}
