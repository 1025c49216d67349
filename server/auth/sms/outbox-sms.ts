/** The development sink: each SMS becomes a JSON line in DATA_DIR/outbox/sms.jsonl, read by people and tests. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SmsMessage, SmsSender } from './sms-sender';

export class OutboxSms implements SmsSender {
  constructor(
    private readonly file: string,
    private readonly now: () => number,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // One appendFile per line: O_APPEND writes this small land whole, even from several processes.
    const line = `${JSON.stringify({ to: message.to, body: message.body, at: this.now() })}\n`;
    await fs.appendFile(this.file, line, { mode: 0o600 });
  }
}
