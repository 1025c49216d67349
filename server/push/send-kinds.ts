/**
 * What each kind of push asks of the push service (RFC 8030): how long it may wait for an offline
 * device (TTL), how urgently to wake it (Urgency), and which earlier undelivered push of the same
 * subject it replaces (Topic), so a phone that was off gets the latest price, not every one.
 */
import crypto from 'node:crypto';
import type { Urgency } from 'web-push';

export type PushKind = 'price_drop' | 'back_in_stock' | 'order_update' | 'campaign';

export interface KindOptions {
  /** Seconds the push service keeps the message for an offline device. */
  TTL: number;
  urgency: Urgency;
  /** At most 32 URL-safe base64 characters (RFC 8030 §5.4). */
  topic: string;
}

const HOUR = 3600;

/** TTL, urgency and topic of a push of `kind` about `subject` (a product, order or campaign id). */
export function kindOptions(kind: PushKind, subject: string): KindOptions {
  switch (kind) {
    // A price can change again within a day; an old drop is not worth waking a phone for.
    case 'price_drop':
      return { TTL: 24 * HOUR, urgency: 'normal', topic: topicFor('pd', subject) };
    case 'back_in_stock':
      return { TTL: 24 * HOUR, urgency: 'normal', topic: topicFor('bs', subject) };
    // Order news is what shoppers wait for: delivered promptly, kept for two days.
    case 'order_update':
      return { TTL: 48 * HOUR, urgency: 'high', topic: topicFor('ou', subject) };
    // Offers are the least urgent: a later campaign replaces an undelivered earlier one.
    case 'campaign':
      return { TTL: 12 * HOUR, urgency: 'low', topic: 'offers' };
  }
}

/** `prefix-` plus the subject, or a hash of it when it does not fit or uses other characters. */
function topicFor(prefix: string, subject: string): string {
  const plain = `${prefix}-${subject}`;
  if (plain.length <= 32 && /^[A-Za-z0-9_-]+$/.test(plain)) return plain;
  return `${prefix}-${crypto.createHash('sha256').update(subject).digest('base64url').slice(0, 29 - prefix.length)}`;
}
