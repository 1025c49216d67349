/** The checkout funnel in telemetry: one `CHECKOUT_STEP` per step and outcome, typed. */
import type { CheckoutOutcome, CheckoutStep, EventData } from './event-types';
import { track } from './telemetry';

/** Reports that the shopper reached `step` and how it went (`outcome`), with the step's own fields. */
export function trackCheckout(step: CheckoutStep, outcome: CheckoutOutcome, data: EventData = {}): void {
  track('CHECKOUT_STEP', { ...data, step, outcome });
}
