/** What every domain module of the server is built from. */
import type { Logger } from 'pino';
import type { SharedLimits } from './cluster/shared-limits';
import type { Config } from './config';
import type { Store } from './store/database';

export interface ServerDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now: () => number;
  /** Rate limits, byte budgets and lockouts every node shares (the store's, or Redis's). */
  limits: SharedLimits;
}

/** What `createApp` needs: the limits are opened from the configuration when not given. */
export type BaseDeps = Omit<ServerDeps, 'limits'> & { limits?: SharedLimits };
