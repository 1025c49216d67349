/**
 * Sending and checking one-time codes. A code lives 5 minutes, is used once, belongs to one number
 * and one purpose; a resend replaces it (after 30 s); a number gets at most 5 codes an hour and an
 * IP address a configured number; 5 wrong tries void a code and count towards the number's lockout.
 */
import crypto from 'node:crypto';
import type { Response } from 'express';
import type { OtpSent } from '../../../shared/api-types';
import type { AuthContext } from '../auth-context';
import { AppError } from '../../errors/app-error';
import { lockedFor, recordFailure } from '../limits/lockout';
import { pruneWindows, takeFromWindow } from '../limits/rate-limit';
import { otpSmsBody } from '../sms/sms-body';
import { generateOtp, hashOtp, otpMatches } from './otp-code';

export const OTP_TTL_MS = 5 * 60_000;
export const RESEND_COOLDOWN_MS = 30_000;
export const MAX_SENDS_PER_NUMBER_PER_HOUR = 5;
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

/** Issues a fresh code for (mobile, flow), replacing any earlier one, and texts it. */
export async function sendOtp(
  ctx: AuthContext,
  res: Response,
  request: { mobile: string; flow: OtpFlow; purpose: OtpPurpose; accountId: string | null; ip: string },
): Promise<CodeSent> {
  const { db } = ctx.store;
  const now = ctx.now();
  const previous = await db.selectFrom('otp_challenges').select('created_at').where('mobile', '=', request.mobile).where('flow', '=', request.flow).executeTakeFirst();
  if (previous && Number(previous.created_at) + RESEND_COOLDOWN_MS > now) {
    throw retryLater(res, 'otp-resend-cooldown', Math.ceil((Number(previous.created_at) + RESEND_COOLDOWN_MS - now) / 1000));
  }
  const perNumber = await takeFromWindow(db, { bucket: `sms-mobile:${request.mobile}`, max: MAX_SENDS_PER_NUMBER_PER_HOUR, windowMs: HOUR }, now);
  if (perNumber !== null) throw retryLater(res, 'rate-limited', perNumber);
  const perIp = await takeFromWindow(db, { bucket: `sms-ip:${request.ip}`, max: ctx.config.authIpSendsPerHour, windowMs: HOUR }, now);
  if (perIp !== null) throw retryLater(res, 'rate-limited', perIp);
  if (Math.random() < 0.01) await pruneWindows(db, now);

  const id = crypto.randomUUID();
  const code = generateOtp();
  const codeHash = hashOtp(ctx.otpKey, { challengeId: id, mobile: request.mobile, purpose: request.purpose }, code);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('otp_challenges').where('mobile', '=', request.mobile).where('flow', '=', request.flow).execute();
      await trx
        .insertInto('otp_challenges')
        .values({
          id,
          mobile: request.mobile,
          flow: request.flow,
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
 * Checks `code` against the live code of (mobile, flow) and uses it up. Throws `login-locked`,
 * `otp-expired`, `otp-invalid` (with attempts left) or `otp-attempts-exceeded`.
 */
export async function verifyOtp(ctx: AuthContext, res: Response, request: { mobile: string; flow: OtpFlow; code: string }): Promise<VerifiedOtp> {
  const { db } = ctx.store;
  const now = ctx.now();
  const locked = await lockedFor(db, request.mobile, now);
  if (locked !== null) throw retryLater(res, 'login-locked', locked);

  const challenge = await db.selectFrom('otp_challenges').selectAll().where('mobile', '=', request.mobile).where('flow', '=', request.flow).executeTakeFirst();
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
    await recordFailure(db, request.mobile, now);
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
