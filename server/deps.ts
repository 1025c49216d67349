/** What every domain module of the server is built from. */
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Store } from './store/database';

export interface ServerDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now: () => number;
}
