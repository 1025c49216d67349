/** How the server sends an SMS: one interface, chosen by configuration. */
import path from 'node:path';
import type { Config } from '../../config';
import { OutboxSms } from './outbox-sms';
import { TwilioSms } from './twilio-sms';

export interface SmsMessage {
  /** `+91XXXXXXXXXX` */
  to: string;
  body: string;
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects with an error that never holds the body. */
  send(message: SmsMessage): Promise<void>;
}

/** The outbox file the development sink appends to. */
export function outboxFile(dataDir: string): string {
  return path.join(dataDir, 'outbox', 'sms.jsonl');
}

/** The sender configured by SMS_PROVIDER; the outbox when none is. */
export function createSmsSender(config: Config, now: () => number): SmsSender {
  const sms = config.sms;
  if (sms.provider === 'twilio') return new TwilioSms(sms);
  return new OutboxSms(outboxFile(config.dataDir), now);
}
