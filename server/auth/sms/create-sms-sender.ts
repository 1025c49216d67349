/** Picks the SMS adapter that SMS_PROVIDER names; the outbox file when none is configured. */
import path from 'node:path';
import type { Config } from '../../config';
import { OutboxSms } from './outbox-sms';
import type { SmsSender } from './sms-sender';
import { TwilioSms } from './twilio-sms';

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
