/**
 * Sending and checking one-time codes. A code lives 5 minutes, is used once, belongs to one number,
 * one purpose and the browser that asked for it (its device cookie); that browser's resend replaces
 * it (after 30 s), another browser's never does. A browser gets at most 5 codes an hour for a
 * number, a number 10 over all browsers that never logged in to it, and an IP address a configured
 * number; 5 wrong tries void a code and count towards the lockouts (`limits/lockout.ts`).
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { OtpSent } from '../../../shared/api-types';
import type { AuthContext } from '../auth-context';
import { AppError } from '../../errors/app-error';
import { deviceOf, ensureDevice } from '../device/device-cookie';
import { isKnownDevice } from '../device/known-devices';
import { lockedFor, recordFailure, type Attempt } from '../limits/lockout';
import { takeFromWindow } from '../limits/rate-limit';
import { clientAddressKey } from '../../http/client-address';
import { otpSmsBody } from '../sms/sms-body';
import { generateOtp, hashOtp, otpMatches } from './otp-code';

export const OTP_TTL_MS = 5 * 60_000;
export const RESEND_COOLDOWN_MS = 30_000;
/** Codes one browser may ask for one number per hour. */
export const MAX_SENDS_PER_BROWSER_PER_HOUR = 5;
/** Codes all browsers that never logged in to a number may ask for it per hour (SMS cost, bombing). */
export const MAX_SENDS_PER_NUMBER_PER_HOUR = 10;
export const MAX_WRONG_TRIES = 5;
const HOUR = 3600_000;

/** The flows a code can belong to; each number has at most one live code per flow. */
export type OtpFlow = 'login' | 'reset' | 'step-up' | 'change-mobile';
/** What a code proves; bound into its hash. `login` and `signup` share the login flow. */
export type OtpPurpose = 'login' | 'signup' | 'reset' | 'step-up' | 'change-mobile';

/** What `sendOtp` knows of the wire's `OtpSent`; each route adds the number it masks. */
export type CodeSent = Omit<OtpSent, 'mobileMasked'>;

export interface VerifiedOtp {
  purpose: OtpPurpose;
  accountId: string | null;
}

/** Sets Retry-After and answers the error to throw. */
export function retryLater(res: Response, code: 'rate-limited' | 'otp-resend-cooldown' | 'login-locked', seconds: number): AppError {
  res.setHeader('Retry-After', String(seconds));
  return new AppError(code, { retryAfterSec: seconds });
}

/** Who is trying, for the lockouts: the number and this request's browser. */
export async function attemptOf(ctx: AuthContext, req: Request, mobile: string): Promise<Attempt> {
  const device = deviceOf(req, ctx.config.secureCookies);
  return { mobile, device, known: await isKnownDevice(ctx.store.db, mobile, device, ctx.now()) };
}

/** Issues a fresh code for (mobile, flow, this browser), replacing this browser's earlier one, and texts it. */
export async function sendOtp(
  ctx: AuthContext,
  req: Request,
  res: Response,
  request: { mobile: string; flow: OtpFlow; purpose: OtpPurpose; accountId: string | null },
): Promise<CodeSent> {
  const { db } = ctx.store;
  const now = ctx.now();
  const device = ensureDevice(req, res, ctx.config.secureCookies);
  const previous = await db
    .selectFrom('otp_challenges')
    .select('created_at')
    .where('mobile', '=', request.mobile)
    .where('flow', '=', request.flow)
    .where('device_hash', '=', device)
    .executeTakeFirst();
  if (previous && Number(previous.created_at) + RESEND_COOLDOWN_MS > now) {
    throw retryLater(res, 'otp-resend-cooldown', Math.ceil((Number(previous.created_at) + RESEND_COOLDOWN_MS - now) / 1000));
  }
  const perBrowser = await takeFromWindow(ctx.limits, { bucket: `sms-device:${request.mobile}:${device}`, max: MAX_SENDS_PER_BROWSER_PER_HOUR, windowMs: HOUR }, now);
  if (perBrowser !== null) throw retryLater(res, 'rate-limited', perBrowser);
  // Strangers together cannot use up the owner's codes: a browser that logged in to the number
  // before is not held to the number-wide cap (its own sends still count towards it).
  const known = await isKnownDevice(db, request.mobile, device, now);
  const perNumber = await takeFromWindow(ctx.limits, { bucket: `sms-mobile:${request.mobile}`, max: known ? Number.MAX_SAFE_INTEGER : MAX_SENDS_PER_NUMBER_PER_HOUR, windowMs: HOUR }, now);
  if (perNumber !== null) throw retryLater(res, 'rate-limited', perNumber);
  const perIp = await takeFromWindow(ctx.limits, { bucket: `sms-ip:${clientAddressKey(req)}`, max: ctx.config.authIpSendsPerHour, windowMs: HOUR }, now);
  if (perIp !== null) throw retryLater(res, 'rate-limited', perIp);
  if (Math.random() < 0.01) await ctx.limits.prune(now);

  const id = crypto.randomUUID();
  const code = generateOtp();
  const codeHash = hashOtp(ctx.otpKey, { challengeId: id, mobile: request.mobile, purpose: request.purpose }, code);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('otp_challenges').where('mobile', '=', request.mobile).where('flow', '=', request.flow).where('device_hash', '=', device).execute();
      // Codes past their time are dead weight: each send clears them, so the table stays small.
      await trx.deleteFrom('otp_challenges').where('expires_at', '<', now - HOUR).execute();
      await trx
        .insertInto('otp_challenges')
        .values({
          id,
          mobile: request.mobile,
          flow: request.flow,
          device_hash: device,
          purpose: request.purpose,
          account_id: request.accountId,
          code_hash: codeHash,
          attempts: 0,
          created_at: now,
          expires_at: now + OTP_TTL_MS,
          consumed_at: null,
        })
        .execute();
    });
  } catch (error) {
    // Another request for the same number and flow won the race: it is the resend.
    if (isUniqueViolation(error)) throw retryLater(res, 'otp-resend-cooldown', RESEND_COOLDOWN_MS / 1000);
    throw error;
  }
  try {
    await ctx.sms.send({ to: request.mobile, body: otpSmsBody(code, ctx.config.publicHost) });
  } catch (error) {
    ctx.logger.warn({ err: error, flow: request.flow }, 'could not send an OTP SMS');
    throw new AppError('sms-unavailable');
  }
  return { otpSent: true, resendAfterSec: RESEND_COOLDOWN_MS / 1000, expiresInSec: OTP_TTL_MS / 1000 };
}

/**
 * Checks `code` against this browser's live code of (mobile, flow) and uses it up. Throws
 * `login-locked`, `otp-expired`, `otp-invalid` (with attempts left) or `otp-attempts-exceeded`.
 */
export async function verifyOtp(ctx: AuthContext, req: Request, res: Response, request: { mobile: string; flow: OtpFlow; code: string }): Promise<VerifiedOtp> {
  const { db } = ctx.store;
  const now = ctx.now();
  const attempt = await attemptOf(ctx, req, request.mobile);
  const locked = await lockedFor(ctx.limits, attempt, now);
  if (locked !== null) throw retryLater(res, 'login-locked', locked);

  // Another browser's code is not this browser's to try: without a code of its own, it has none.
  const challenge = await db
    .selectFrom('otp_challenges')
    .selectAll()
    .where('mobile', '=', request.mobile)
    .where('flow', '=', request.flow)
    .where('device_hash', '=', attempt.device)
    .executeTakeFirst();
  if (!challenge || challenge.consumed_at !== null || Number(challenge.expires_at) <= now) throw new AppError('otp-expired');
  // Take the try before comparing: parallel guesses cannot exceed the limit.
  const taken = await db
    .updateTable('otp_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', challenge.id)
    .where('attempts', '<', MAX_WRONG_TRIES)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw new AppError('otp-attempts-exceeded');

  const binding = { challengeId: challenge.id, mobile: challenge.mobile, purpose: challenge.purpose };
  if (!otpMatches(ctx.otpKey, binding, request.code, challenge.code_hash)) {
    await recordFailure(ctx.limits, attempt, now);
    const attemptsLeft = MAX_WRONG_TRIES - (challenge.attempts + 1);
    if (attemptsLeft <= 0) throw new AppError('otp-attempts-exceeded');
    throw new AppError('otp-invalid', { attemptsLeft });
  }
  const used = await db.updateTable('otp_challenges').set({ consumed_at: now }).where('id', '=', challenge.id).where('consumed_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) === 0) throw new AppError('otp-expired');
  return { purpose: challenge.purpose as OtpPurpose, accountId: challenge.account_id };
}


function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
