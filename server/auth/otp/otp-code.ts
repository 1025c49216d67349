/** One-time codes: six CSPRNG digits, stored only as an HMAC bound to the challenge, number and purpose. */
import crypto from 'node:crypto';

export const OTP_LENGTH = 6;
export const OTP_PATTERN = /^\d{6}$/;

/** A uniformly random 6-digit code (leading zeros allowed). */
export function generateOtp(): string {
  return crypto.randomInt(0, 10 ** OTP_LENGTH).toString().padStart(OTP_LENGTH, '0');
}

export interface OtpBinding {
  challengeId: string;
  mobile: string;
  purpose: string;
}

/** HMAC-SHA-256 over the code and what it is for, so a code for one number or purpose never matches another. */
export function hashOtp(key: Buffer, binding: OtpBinding, code: string): string {
  return crypto.createHmac('sha256', key).update(`${binding.challengeId}\n${binding.mobile}\n${binding.purpose}\n${code}`).digest('hex');
}

/** Compares in constant time. */
export function otpMatches(key: Buffer, binding: OtpBinding, code: string, storedHash: string): boolean {
  const actual = Buffer.from(hashOtp(key, binding, code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
