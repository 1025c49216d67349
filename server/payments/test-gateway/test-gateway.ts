/**
 * The `test-gateway` adapter: a payment gateway in test mode that lives inside the shop. Its hosted
 * page is served by the shop's own server (`pay-routes.ts`); its webhooks and browser returns are
 * signed with a secret kept in the store, so every server and restart shares it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { parseInput } from '../../http/validate';
import type { PaymentEvent, PaymentProvider } from '../payment-provider';
import { returnSignatureMatches, SIGNATURE_HEADER, verifyWebhookSignature } from './signature';

export const TEST_GATEWAY = 'test-gateway';
/** Name of its secret in `shop_secrets` (or `TEST_GATEWAY_SECRET`). */
export const TEST_GATEWAY_SECRET_NAME = 'test-gateway.secret';

/** The JSON body of the gateway's webhooks. */
export const webhookEventSchema = z.object({
  id: z.string().regex(/^evt_[A-Za-z0-9_-]{8,64}$/, 'is not an event id'),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  created: z.number().int(),
  data: z.object({
    paymentId: z.string().regex(/^pay_[A-Za-z0-9_-]{22}$/, 'is not a payment id'),
    orderId: z.string().max(64).optional(),
    amount: z.number().int().optional(),
    method: z.string().max(16).optional(),
    reference: z.string().regex(/^tp_[A-Za-z0-9_-]{8,64}$/).optional(),
  }),
});
export type WebhookEventBody = z.infer<typeof webhookEventSchema>;

export interface TestGateway extends PaymentProvider {
  /** The signing secret (the hosted page signs with it; tests sign their own calls). */
  readonly secret: string;
}

/** The test gateway with this secret. */
export function createTestGateway(secret: string): TestGateway {
  return {
    name: TEST_GATEWAY,
    secret,
    paymentPageUrl: (paymentId) => `/pay/${TEST_GATEWAY}/${paymentId}`,
    verifyWebhook(rawBody: Buffer, headers: IncomingHttpHeaders, now: number): PaymentEvent {
      verifyWebhookSignature(secret, rawBody, headers[SIGNATURE_HEADER], now);
      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        json = undefined;
      }
      const event = parseInput(webhookEventSchema, json, 'webhook event');
      return {
        id: event.id,
        paymentId: event.data.paymentId,
        outcome: event.type === 'payment.succeeded' ? 'paid' : 'failed',
        reference: event.data.reference,
      };
    },
    verifyReturn: (orderId, paymentId, outcome, sig) => returnSignatureMatches(secret, orderId, paymentId, outcome, sig),
  };
}
