/** The login hook that links this device's push subscription to the account that just signed in. */
import type { LoginHook } from '../auth/session/login-hooks';
import type { ServerDeps } from '../deps';
import { readDeviceHash } from './device-cookie';
import { linkDevice } from './subscription-store';

/** Order updates and wishlist price drops of the account now reach this device too. */
export function linkPushDeviceOnLogin(deps: ServerDeps): LoginHook {
  return async (req, _res, account) => {
    const deviceHash = readDeviceHash(req, deps.config.secureCookies);
    if (deviceHash) await linkDevice(deps.store.db, deviceHash, account.id, deps.now());
  };
}
