/**
 * The push message body: Declarative Web Push (`{"web_push": 8030, "notification": {…}}`), which
 * Safari 18.4+ shows by itself without running the worker, and which the shop's worker reads and
 * shows on every other browser, so one payload works everywhere. Links are absolute (Safari
 * requires it); the worker keeps them on the shop's own origin.
 */
import type { DeclarativePushMessage } from '../../shared/push';
import { AppError } from '../errors/app-error';
import type { PushKind } from './send-kinds';

/** Push services take 4 KB of ciphertext; 3 KB of JSON leaves room for the encryption header. */
export const MAX_PAYLOAD_BYTES = 3072;

export interface NotificationContent {
  kind: PushKind;
  title: string;
  body: string;
  /** Shop path (`/slug/p/itm…`) or absolute URL that a tap opens. */
  url: string;
  /** Shop path or absolute URL of a large picture (a product image). */
  image?: string;
  /** Notifications with the same tag replace each other on the device. */
  tag?: string;
  actions?: Array<{ action: string; title: string; url: string }>;
  /** Ids for telemetry (campaignId, productId, orderId). */
  data?: Record<string, string>;
}

/** The JSON text of a declarative push, links made absolute against `origin`. */
export function declarativePayload(content: NotificationContent, origin: string, timestamp: number): string {
  const absolute = (url: string) => new URL(url, `${origin}/`).href;
  const navigate = absolute(content.url);
  const notification: DeclarativePushMessage['notification'] = {
    title: content.title,
    body: content.body,
    navigate,
    lang: 'en-IN',
    dir: 'ltr',
    timestamp,
    ...(content.tag ? { tag: content.tag } : {}),
    ...(content.image ? { image: absolute(content.image) } : {}),
    ...(content.actions?.length ? { actions: content.actions.map((a) => ({ action: a.action, title: a.title, navigate: absolute(a.url) })) } : {}),
    data: { ...content.data, kind: content.kind, url: navigate },
  };
  const message: DeclarativePushMessage = { web_push: 8030, notification };
  return JSON.stringify(message);
}

/** Refuses (400 `push-payload-too-large`) a payload over 3 KB, before anything is sent. */
export function assertPayloadFits(payload: string): void {
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) throw new AppError('push-payload-too-large', { bytes, max: MAX_PAYLOAD_BYTES });
}
