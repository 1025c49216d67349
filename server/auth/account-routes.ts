/** `/api/account`: the logged-in shopper's profile, addresses and mobile number. See README.md. */
import { Router } from 'express';
import { z } from 'zod';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { sameOriginOnly } from '../http/same-origin';
import { parseInput } from '../http/validate';
import { authContext } from './auth-context';
import { addressPatchBody, newAddressBody } from './account/address-schema';
import { addAddress, deleteAddress, listAddresses, updateAddress } from './account/address-store';
import { findAccount, findAccountByMobile, toAccountView, updateAccount } from './account/account-store';
import { INDIAN_STATES } from './account/indian-states';
import { readBody, readCode, readMobile } from './http-input';
import { maskMobile } from './mobile/mobile-number';
import { sendOtp, verifyOtp } from './otp/otp-challenges';
import { requireRecentLogin, requireSession } from './session/current-session';
import { deleteAccountSessions, STEP_UP_WINDOW_MS } from './session/session-store';
import { startSession } from './session/start-session';
import { noStore } from '../http/no-store';
import { deviceOf } from './device/device-cookie';
import { rememberDevice } from './device/known-devices';

const profileBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(2, 'needs at least 2 characters')
      .max(60, 'must be at most 60 characters')
      .refine((s) => !/[\u0000-\u001f\u007f<>]/.test(s), 'has characters a name cannot have')
      .nullable()
      .optional(),
    email: z.email('is not an email address').max(254).toLowerCase().nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.email !== undefined, 'must change name or email');
const addressParams = z.object({ id: z.uuid('is not an address id') });

export function accountRoutes(deps: ServerDeps): Router {
  const ctx = authContext(deps);
  const { db } = ctx.store;
  const router = Router();
  router.use(sameOriginOnly);
  router.use(noStore);

  const loadAccount = async (accountId: string) => {
    const account = await findAccount(db, accountId);
    if (!account) throw new AppError('login-required');
    return account;
  };

  router.get('/me', async (req, res) => {
    const session = await requireSession(ctx, req);
    const account = await loadAccount(session.accountId);
    res.json({
      account: toAccountView(account),
      session: { authenticatedAt: session.authenticatedAt, stepUpValidUntil: session.authenticatedAt + STEP_UP_WINDOW_MS, expiresAt: session.expiresAt },
    });
  });

  router.patch('/profile', async (req, res) => {
    const session = await requireSession(ctx, req);
    const body = parseInput(profileBody, req.body ?? {}, 'profile');
    await updateAccount(db, session.accountId, { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.email !== undefined ? { email: body.email } : {}) }, ctx.now());
    res.json({ account: toAccountView(await loadAccount(session.accountId)) });
  });

  router.get('/states', (_req, res) => {
    res.json({ states: INDIAN_STATES });
  });

  router.get('/addresses', async (req, res) => {
    const session = await requireSession(ctx, req);
    res.json({ addresses: await listAddresses(db, session.accountId) });
  });

  router.post('/addresses', async (req, res) => {
    const session = await requireSession(ctx, req);
    const body = parseInput(newAddressBody, req.body ?? {}, 'address');
    res.status(201).json({ address: await addAddress(db, session.accountId, body, ctx.now()) });
  });

  router.patch('/addresses/:id', async (req, res) => {
    const session = await requireSession(ctx, req);
    const { id } = parseInput(addressParams, req.params, 'address');
    const body = parseInput(addressPatchBody, req.body ?? {}, 'address');
    res.json({ address: await updateAddress(db, session.accountId, id, body, ctx.now()) });
  });

  router.delete('/addresses/:id', async (req, res) => {
    const session = await requireSession(ctx, req);
    const { id } = parseInput(addressParams, req.params, 'address');
    await deleteAddress(db, session.accountId, id);
    res.status(204).end();
  });

  router.post('/mobile/change/start', async (req, res) => {
    const body = readBody(req, ['mobile']);
    const mobile = readMobile(body.mobile);
    const session = await requireRecentLogin(ctx, req, res);
    const account = await loadAccount(session.accountId);
    if (mobile === account.mobile) throw new AppError('mobile-unchanged');
    // The code goes to the new number whether or not another account has it; that is told only to its holder.
    const sent = await sendOtp(ctx, req, res, { mobile, flow: 'change-mobile', purpose: 'change-mobile', accountId: account.id });
    res.json({ ...sent, mobileMasked: maskMobile(mobile) });
  });

  router.post('/mobile/change/verify', async (req, res) => {
    const body = readBody(req, ['mobile', 'code']);
    const mobile = readMobile(body.mobile);
    const code = readCode(body.code);
    const session = await requireRecentLogin(ctx, req, res);
    const verified = await verifyOtp(ctx, req, res, { mobile, flow: 'change-mobile', code });
    if (verified.accountId !== session.accountId) throw new AppError('otp-expired');
    if (await findAccountByMobile(db, mobile)) throw new AppError('mobile-taken');
    try {
      await updateAccount(db, session.accountId, { mobile }, ctx.now());
    } catch (error) {
      // The unique index caught a parallel change to the same number.
      if (!(error instanceof AppError) && (await findAccountByMobile(db, mobile))) throw new AppError('mobile-taken');
      throw error;
    }
    const fresh = await startSession(ctx, req, res, session.accountId, 'full');
    // This browser proved it holds the new number.
    await rememberDevice(db, mobile, deviceOf(req, ctx.config.secureCookies), ctx.now());
    // Sessions opened with the old number (whoever holds it now) end with it.
    await deleteAccountSessions(db, session.accountId, fresh.idHash);
    res.json({ account: toAccountView(await loadAccount(session.accountId)) });
  });

  return router;
}
