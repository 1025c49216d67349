/** What the auth and account routes share: the deps, the OTP key and the SMS sender, made once per app. */
import type { ServerDeps } from '../deps';
import { loadOtpKey } from './otp/otp-key';
import { createSmsSender } from './sms/create-sms-sender';
import type { SmsSender } from './sms/sms-sender';

export interface AuthContext extends ServerDeps {
  otpKey: Buffer;
  sms: SmsSender;
}

const contexts = new WeakMap<ServerDeps, AuthContext>();

/** The context for these deps; both routers of one app get the same one. */
export function authContext(deps: ServerDeps): AuthContext {
  let context = contexts.get(deps);
  if (!context) {
    context = { ...deps, otpKey: loadOtpKey(deps.config.otpHmacKey, deps.config.dataDir), sms: createSmsSender(deps.config, deps.now) };
    contexts.set(deps, context);
  }
  return context;
}
