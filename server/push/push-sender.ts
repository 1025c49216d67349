/**
 * Sends one push (web-push: aes128gcm encryption, RFC 8291; VAPID, RFC 8292) and deals with the
 * answer: 201 delivered; 404/410 the subscription is gone, so it is deleted; 413 is logged as an
 * error (our payload was too big, a bug); 429 and 5xx are retried as the push service asks
 * (retry-policy.ts). Every outcome goes to telemetry table `push`. Endpoints pass the SSRF rules
 * (endpoint-guard.ts) before anything is encrypted, and the agent dials only public addresses.
 */
import type { Logger } from 'pino';
import webpush from 'web-push';
import type { InternalEvents } from '../telemetry/internal-events';
import { checkEndpointUrl, type PushServiceRules, REFUSED_ADDRESS } from './endpoint-guard';
import { MAX_PAYLOAD_BYTES } from './payload';
import type { PushAgents } from './push-agents';
import { isRetryableStatus, retryAfterMs, retryDelayMs } from './retry-policy';
import { kindOptions, type PushKind } from './send-kinds';
import type { PushTarget } from './subscription-store';
import type { VapidKeys } from './vapid-keys';

export type SendOutcome = 'delivered' | 'gone' | 'too-large' | 'rejected' | 'throttled' | 'failed' | 'refused';

export interface SendReport {
  outcome: SendOutcome;
  /** The push service's last HTTP status, or null when none answered. */
  status: number | null;
  attempts: number;
}

/** What a push is about, for telemetry: the kind and the ids of its subject. */
export interface SendContext {
  kind: PushKind;
  /** The product, order or campaign id: the push's Topic is made from it. */
  subject: string;
  meta?: Record<string, string>;
}

export interface PushSenderDeps {
  vapid: VapidKeys;
  rules: PushServiceRules;
  agents: PushAgents;
  events: InternalEvents;
  logger: Logger;
  /** Deletes a subscription the push service says is gone. */
  forget(target: PushTarget): Promise<void>;
  now(): number;
  /** Waits between attempts; tests pass one that records the wait instead. */
  sleep?(ms: number): Promise<void>;
  timeoutMs?: number;
}

// The VAPID token is reused per push service for an hour of its 12-hour life: signing one per push
// would cost an ECDSA signature each time for nothing.
const TOKEN_LIFETIME_S = 12 * 3600;
const TOKEN_REUSE_MS = 3600_000;

/** One server's sender: VAPID tokens cached per push service, outcomes recorded. */
export class PushSender {
  private readonly tokens = new Map<string, { header: string; renewAt: number }>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: PushSenderDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
  }

  /** Sends `payload` (JSON text) to `target`; never throws: the report says what happened. */
  async send(target: PushTarget, payload: string, context: SendContext): Promise<SendReport> {
    const started = performance.now();
    const report = await this.attempt(target, payload, context);
    const host = hostOf(target.endpoint);
    this.deps.events.record('push', {
      eventType: 'PUSH_SEND',
      outcome: report.outcome,
      status: report.status,
      attempts: report.attempts,
      kind: context.kind,
      service: host,
      subscriptionId: target.id,
      ...(target.accountId ? { hasAccount: true } : { hasAccount: false }),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...context.meta,
    });
    return report;
  }

  private async attempt(target: PushTarget, payload: string, context: SendContext): Promise<SendReport> {
    const check = checkEndpointUrl(target.endpoint, this.deps.rules);
    if (!check.ok) {
      this.deps.logger.warn({ subscriptionId: target.id, reason: check.reason }, 'push refused: endpoint breaks the push-service rules');
      return { outcome: 'refused', status: null, attempts: 0 };
    }
    // Refused before anything is encrypted or sent: push services cap messages at 4 KB.
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      this.deps.logger.error({ kind: context.kind, bytes: Buffer.byteLength(payload) }, 'push not sent: payload over 3 KB');
      return { outcome: 'too-large', status: null, attempts: 0 };
    }
    const options = kindOptions(context.kind, context.subject);
    const agent = this.deps.agents.forEndpoint(check.test);
    for (let attempt = 1; ; attempt++) {
      let status: number | null = null;
      let retryAfter: number | null = null;
      try {
        const result = await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
          headers: { Authorization: this.vapidHeader(check.url.origin) },
          contentEncoding: 'aes128gcm',
          TTL: options.TTL,
          urgency: options.urgency,
          topic: options.topic,
          agent,
          timeout: this.deps.timeoutMs ?? 10_000,
        });
        return { outcome: 'delivered', status: result.statusCode, attempts: attempt };
      } catch (error) {
        if (error instanceof webpush.WebPushError) {
          status = error.statusCode;
          if (status === 404 || status === 410) {
            await this.deps.forget(target);
            return { outcome: 'gone', status, attempts: attempt };
          }
          if (status === 413) {
            this.deps.logger.error({ kind: context.kind, service: check.url.host, bytes: Buffer.byteLength(payload) }, 'push service refused the payload as too large (413)');
            return { outcome: 'too-large', status, attempts: attempt };
          }
          if (!isRetryableStatus(status)) {
            // 3xx too: redirects are never followed, a push service has no reason to send one.
            this.deps.logger.warn({ status, service: check.url.host, body: error.body.slice(0, 200) }, 'push service refused the push');
            return { outcome: 'rejected', status, attempts: attempt };
          }
          retryAfter = retryAfterMs(error.headers['retry-after'], Date.now());
        } else if ((error as { code?: string }).code === REFUSED_ADDRESS) {
          this.deps.logger.warn({ subscriptionId: target.id, err: error }, 'push refused: the push service resolves to a non-public address');
          return { outcome: 'refused', status: null, attempts: attempt };
        } else if (!isTransient(error)) {
          this.deps.logger.warn({ service: check.url.host, err: error }, 'push failed');
          return { outcome: 'failed', status: null, attempts: attempt };
        }
        const wait = retryDelayMs(attempt, retryAfter);
        if (wait === null) return { outcome: status === 429 ? 'throttled' : 'failed', status, attempts: attempt };
        await this.sleep(wait);
      }
    }
  }

  /** `vapid t=<JWT>, k=<public key>` for the push service at `audience`. */
  private vapidHeader(audience: string): string {
    // Push services check the token against real time, not the shop's injectable clock.
    const now = Date.now();
    const cached = this.tokens.get(audience);
    if (cached && cached.renewAt > now) return cached.header;
    const { vapid } = this.deps;
    const header = webpush.getVapidHeaders(audience, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', Math.floor(now / 1000) + TOKEN_LIFETIME_S).Authorization;
    this.tokens.set(audience, { header, renewAt: now + TOKEN_REUSE_MS });
    return header;
  }
}

/** Network trouble worth another attempt (a reset, a timeout), as opposed to a name that does not exist. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET'].includes(code ?? '') || (error as Error).message === 'Socket timeout';
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'invalid';
  }
}
