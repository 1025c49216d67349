/** How the server sends an SMS: one interface; `create-sms-sender.ts` picks the adapter the configuration names. */
export interface SmsMessage {
  /** `+91XXXXXXXXXX` */
  to: string;
  body: string;
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects with an error that never holds the body. */
  send(message: SmsMessage): Promise<void>;
}
