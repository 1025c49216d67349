/** What to tell the shopper when a code is refused, from the server's code and details. */

export interface OtpFailure {
  code: string;
  message: string;
  details: unknown;
  retryAfterSec: number | null;
}

export interface OtpVerdict {
  /** The sentence under the code field. */
  message: string;
  /** The code can no longer work: ask for a new one. */
  needsNewCode: boolean;
  /** Seconds before any try is allowed again (a lockout), or null. */
  waitSec: number | null;
}

/** "30 seconds", "2 minutes", "1 hour": a wait in words. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "0:27": a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The verdict on a refused code; the server's message is kept and made precise where it can be. */
export function otpVerdict(failure: OtpFailure): OtpVerdict {
  switch (failure.code) {
    case 'otp-invalid': {
      const left = Number((failure.details as { attemptsLeft?: unknown } | null)?.attemptsLeft);
      const tail = Number.isFinite(left) && left > 0 ? ` ${left} attempt${left === 1 ? '' : 's'} left.` : '';
      return { message: failure.message + tail, needsNewCode: false, waitSec: null };
    }
    case 'otp-attempts-exceeded':
    case 'otp-expired':
      return { message: failure.message, needsNewCode: true, waitSec: null };
    case 'login-locked': {
      const wait = failure.retryAfterSec;
      const message = wait ? `Too many failed attempts. Try again in ${formatWait(wait)}.` : failure.message;
      return { message, needsNewCode: false, waitSec: wait };
    }
    default:
      return { message: failure.message, needsNewCode: false, waitSec: null };
  }
}

/** Six digits from whatever was typed or pasted ("123 456", "Your code is 123456"). */
export function codeFromInput(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 6);
}
