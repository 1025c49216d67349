/** Changing the account's mobile number: what to check before asking, and what each refusal means for the page. */
import { mobileProblem } from './mobile';
import { formatWait, type OtpFailure } from './otp-messages';

export const MOBILE_UNCHANGED = 'This is already your mobile number.';

/** Why `digits` (normalised) cannot be the new number of an account whose number is `current` ("+91…"), or null. */
export function newMobileProblem(digits: string, current: string): string | null {
  const problem = mobileProblem(digits);
  if (problem) return problem;
  return `+91${digits}` === current ? MOBILE_UNCHANGED : null;
}

/**
 * What the page does with a refusal:
 * - `field`: back to the number step, the message under the number;
 * - `form`: the message above the button of the step on screen;
 * - `code-sent`: a code went to the new number moments ago and still works: go and enter it;
 * - `again`: the recent login ran out while the code was being entered: back to the number step
 *   to confirm it is you and send a new code;
 * - `code`: a verdict on the code itself, for the code entry to show (attempts left, lockout).
 */
export type ChangeAction = 'field' | 'form' | 'code-sent' | 'again' | 'code';

export interface ChangeVerdict {
  action: ChangeAction;
  message: string;
}

const AGAIN = 'For your security, confirm it’s you again: send the code to your new number once more.';

/**
 * Where a refusal came from: `start` is `change/start`; `step-up` is the step-up's own request
 * (its code to the current number could not be sent); `code` is `change/verify` or a resend while
 * the code is on screen.
 */
export type ChangeStage = 'start' | 'step-up' | 'code';

/**
 * The verdict on a refusal. At the `code` stage the code entry shows most refusals itself, with
 * attempts left, lockouts in words and the resend timer set from `Retry-After`.
 */
export function changeMobileVerdict(failure: OtpFailure, stage: ChangeStage): ChangeVerdict {
  const wait = failure.retryAfterSec ? ` You can try again in ${formatWait(failure.retryAfterSec)}.` : '';
  if (stage === 'step-up') return { action: 'form', message: failure.message + wait };
  switch (failure.code) {
    case 'invalid-mobile':
    case 'mobile-unchanged':
      return { action: 'field', message: failure.message };
    case 'mobile-taken':
      return { action: 'field', message: `${failure.message} Choose another number, or log in with this one to use that account.` };
    case 'step-up-required':
      return stage === 'start' ? { action: 'form', message: failure.message } : { action: 'again', message: AGAIN };
  }
  if (stage === 'code') return { action: 'code', message: failure.message };
  switch (failure.code) {
    case 'otp-resend-cooldown':
      return { action: 'code-sent', message: 'We sent a code to this number a moment ago. Enter it below, or wait to ask for a new one.' };
    case 'login-locked':
      return { action: 'form', message: failure.retryAfterSec ? `Too many failed attempts. Try again in ${formatWait(failure.retryAfterSec)}.` : failure.message };
    default:
      return { action: 'form', message: failure.message + wait };
  }
}
