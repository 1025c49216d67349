/**
 * What other domains do when a shopper completes a login. Auth knows nothing of carts (or
 * wishlists, or push subscriptions): `app.ts` hands it the hooks, so dependencies run one way.
 */
import type { Request, Response } from 'express';

/** Runs after a full session has been set for `account`; may add cookies to `res`. */
export type LoginHook = (req: Request, res: Response, account: { id: string; mobile: string }) => Promise<void>;

/** The hooks of one app, run in order on every completed login. */
export interface LoginHooks {
  onLogin: readonly LoginHook[];
}

