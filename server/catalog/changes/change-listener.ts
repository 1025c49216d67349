/**
 * A dedicated PostgreSQL connection that LISTENs for the catalog's change notices. Notices only
 * wake the feed up (it reads the change table itself), so one missed while the connection was down
 * costs nothing: after each reconnect the feed is told to catch up. It reconnects with a backoff
 * for as long as it is open.
 */
import pg from 'pg';
import type { Logger } from 'pino';

/** The channel the triggers notify (migration 0014). */
export const CHANGE_CHANNEL = 'catalog_changes';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

export interface ChangeListenerOptions {
  connectionString: string;
  /** The schema whose changes count: the notice's payload names the schema that changed. */
  schema: string;
  /** A change was committed in the schema. */
  onNotice: () => void;
  /** The connection was lost and is back: notices may have been missed. */
  onReconnect: () => void;
  logger: Logger;
}

/** Listens for change notices on its own connection, reconnecting until closed. */
export class ChangeListener {
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The server process id of the listening connection (tests end it to prove reconnection). */
  get backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /** Stops listening and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true });
    // A lost connection is reported here and through 'end'; either way we start again.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload === this.options.schema) this.options.onNotice();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
  }

  private lost(client: pg.Client, err?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.options.logger.warn({ err }, 'catalog changes: lost the listening connection; reconnecting');
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          if (!this.closed) this.options.onReconnect();
        },
        (err: unknown) => {
          this.options.logger.warn({ err, retryMs: this.retryMs }, 'catalog changes: could not reconnect; trying again');
          this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
          this.retry();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
