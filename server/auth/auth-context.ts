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

/** Makes the context for these deps (reading the OTP key from the store); `createApp` calls it before the auth routes. */
export async function openAuthContext(deps: ServerDeps): Promise<AuthContext> {
  let context = contexts.get(deps);
  if (!context) {
    const otpKey = await loadOtpKey(deps.store.db, deps.config.otpHmacKey, deps.config.dataDir, deps.now());
    context = { ...deps, otpKey, sms: createSmsSender(deps.config, deps.now) };
    contexts.set(deps, context);
  }
  return context;
}

/** The context `openAuthContext` made for these deps; both routers of one app get the same one. */
export function authContext(deps: ServerDeps): AuthContext {
  const context = contexts.get(deps);
  if (!context) throw new TypeError('authContext: call openAuthContext(deps) when the app starts');
  return context;
}
