/**
 * Twilio's Messages API: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded
 * `To`, `From`, `Body`, HTTP Basic auth with the account SID and auth token.
 */
import type { SmsMessage, SmsSender } from './sms-sender';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  apiBase: string;
  timeoutMs?: number;
}

/** The provider's answer, without the message text. */
export class SmsSendError extends Error {
  constructor(readonly status: number | null, readonly providerCode: string | null) {
    super(`SMS provider refused the message (status ${status ?? 'none'}, code ${providerCode ?? 'none'})`);
    this.name = 'SmsSendError';
  }
}

export class TwilioSms implements SmsSender {
  constructor(private readonly settings: TwilioSettings) {}

  async send(message: SmsMessage): Promise<void> {
    const { accountSid, authToken, from, apiBase } = this.settings;
    const url = `${apiBase}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: message.to, From: from, Body: message.body }),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
        redirect: 'error',
      });
    } catch {
      // The cause may quote the request; keep only that it failed.
      throw new SmsSendError(null, 'network');
    }
    if (res.status === 201 || res.status === 200) {
      await res.body?.cancel();
      return;
    }
    let code: string | null = null;
    try {
      const body = (await res.json()) as { code?: unknown };
      code = body.code === undefined ? null : String(body.code).slice(0, 16);
    } catch {
      // Not JSON: the status is enough.
    }
    throw new SmsSendError(res.status, code);
  }
}
