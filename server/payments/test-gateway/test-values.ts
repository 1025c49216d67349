/**
 * The test gateway's documented test values, as real gateways publish theirs: one UPI id and one
 * card number approve, one of each declines. Anything else is refused with a hint, so a typo never
 * passes for a decision.
 */
import { z } from 'zod';

export const TEST_UPI = { approve: 'success@testpay', decline: 'failure@testpay' } as const;
export const TEST_CARDS = { approve: '4111111111111111', decline: '4000000000000002' } as const;

export type Decision = { outcome: 'paid' | 'failed'; method: 'upi' | 'card' | 'cancel'; reason?: string } | { error: string };

const upiForm = z.object({ method: z.literal('upi'), vpa: z.string().trim().toLowerCase() });
const cardForm = z.object({
  method: z.literal('card'),
  number: z.string().transform((s) => s.replace(/[\s-]/g, '')),
  expiry: z.string().trim(),
  cvv: z.string().trim(),
});

/** What the gateway decides for the submitted form (`now` for the card's expiry). */
export function decide(form: unknown, now: number): Decision {
  // "Cancel payment" on the page: the shopper gives up, which the shop treats as a failed payment.
  if ((form as { method?: unknown } | null)?.method === 'cancel') return { outcome: 'failed', method: 'cancel', reason: 'cancelled by the shopper' };
  const upi = upiForm.safeParse(form);
  if (upi.success) {
    if (upi.data.vpa === TEST_UPI.approve) return { outcome: 'paid', method: 'upi' };
    if (upi.data.vpa === TEST_UPI.decline) return { outcome: 'failed', method: 'upi', reason: 'declined by the payer' };
    return { error: `In test mode, use ${TEST_UPI.approve} to approve or ${TEST_UPI.decline} to decline.` };
  }
  const card = cardForm.safeParse(form);
  if (card.success) {
    const { number, expiry, cvv } = card.data;
    const month = /^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/.exec(expiry);
    if (!month) return { error: 'Enter the expiry as MM/YY.' };
    const now_ = new Date(now);
    const [year, mon] = [2000 + Number(month[2]), Number(month[1])];
    if (year < now_.getUTCFullYear() || (year === now_.getUTCFullYear() && mon < now_.getUTCMonth() + 1)) return { error: 'This card has expired.' };
    if (!/^\d{3}$/.test(cvv)) return { error: 'Enter the 3-digit CVV.' };
    if (number === TEST_CARDS.approve) return { outcome: 'paid', method: 'card' };
    if (number === TEST_CARDS.decline) return { outcome: 'failed', method: 'card', reason: 'card declined' };
    return { error: 'In test mode, use 4111 1111 1111 1111 to approve or 4000 0000 0000 0002 to decline.' };
  }
  return { error: 'Choose UPI or card.' };
}
