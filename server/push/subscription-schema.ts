/** What `POST /api/push/subscriptions` and the topic changes take, checked at the edge. */
import { z } from 'zod';
import { PUSH_TOPICS } from '../../shared/push';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';

const base64url = (bytes: number, what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, `must be base64url`).refine((value) => Buffer.from(value, 'base64url').length === bytes, `must be a ${what}`);

export const topicsSchema = z
  .array(z.enum(PUSH_TOPICS as [string, ...string[]], { error: `must be one of ${PUSH_TOPICS.join(', ')}` }))
  .max(PUSH_TOPICS.length)
  .transform((topics) => [...new Set(topics)].sort());

/** A PushSubscription's JSON (as `subscription.toJSON()` gives it) plus the device's topics. */
export const subscriptionBody = z.strictObject({
  endpoint: z.string().max(2048, 'is too long for a push endpoint').url('must be a URL'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    // An uncompressed P-256 point (RFC 8291 §3.1) and a 16-byte secret (RFC 8291 §3.2).
    p256dh: base64url(65, 'P-256 public key (65 bytes)').refine((value) => Buffer.from(value, 'base64url')[0] === 4, 'must be an uncompressed P-256 point'),
    auth: base64url(16, '16-byte authentication secret'),
  }),
  topics: topicsSchema,
  categories: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'is not a category name')).max(20).optional(),
  wishlist: z.array(z.string().regex(PRODUCT_ID_PATTERN, 'is not a product id')).max(200).optional(),
});

export type SubscriptionBody = z.output<typeof subscriptionBody>;

export const endpointBody = z.strictObject({ endpoint: z.string().max(2048).url('must be a URL') });

export const topicsBody = z.strictObject({ topics: topicsSchema });

export const deviceParams = z.object({ id: z.uuid('is not a device id') });
