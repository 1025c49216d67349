/**
 * The catalog's change feed on PostgreSQL (decisions/0018): triggers record every change of the
 * tables the catalog's answers and search read, and notify; each node reads the change rows after
 * its cursor and tells its in-memory views (search index, answers, images, push) what changed, as
 * its own writers used to. Whoever wrote the change (this node, another, the orders CLI, `psql`)
 * makes no difference.
 *
 * Reads are serialised; a notice during a read queues one more. A node starting fixes its cursor
 * at the newest change and waits for transactions then in flight to end before the catalog is
 * loaded, so the load sees every change up to the cursor and the feed everything after it.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../store/schema';
import type { Store } from '../../store/database';
import { deliverCatalogChange, followChangesFrom } from '../catalog-events';
import { meaningOf, type ChangeRow } from './change-batch';
import { ChangeListener } from './change-listener';
import { pruneChanges } from './change-pruning';
import { ChangeSequencer, type ChangeRead } from './change-sequencer';

/** Rows read at most at once; a full batch is followed by another read at once. */
const BATCH_ROWS = 5000;
/** While a gap is open, the table is read again this often (notices come only with new rows). */
const GAP_RECHECK_MS = 50;
/** After a failed read (the database away), the next is tried this much later. */
const RETRY_READ_MS = 500;
/** A gap open this long (a transaction left open) is given up: everything is reloaded. */
const GIVE_UP_GAP_MS = 60_000;
/** At start, how long to wait for transactions in flight to end before loading anyway. */
const START_WAIT_MS = 10_000;
/** Changes that reload everything, from other processes, are applied at most this often. */
const FULL_RELOAD_EVERY_MS = 1000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ChangeFeedOptions {
  store: Store;
  connectionString: string;
  logger: Logger;
  /** How long change rows are kept. */
  retentionMs: number;
}

/** Where the feed stands, for operators and tests. */
export interface ChangeFeedStats {
  position: number;
  highest: number;
  waiting: boolean;
  reads: number;
}

/** Follows one PostgreSQL store's catalog changes. */
export class ChangeFeed {
  private readonly sequencer: ChangeSequencer;
  private listener: ChangeListener | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private started = false;
  private closed = false;
  private reads = 0;
  /** A writer of this process waits for the next read: what it finds is applied without delay. */
  private asked = false;
  private lastFullReload = -Infinity;
  private fullReloadTimer: NodeJS.Timeout | null = null;
  private readTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private stopFollowing: () => void = () => undefined;

  private constructor(private readonly options: ChangeFeedOptions, start: number) {
    this.sequencer = new ChangeSequencer(start, { now: () => performance.now(), giveUpAfterMs: GIVE_UP_GAP_MS });
  }

  /**
   * Starts listening and fixes the cursor; call before the catalog's views load, and `start()`
   * once they have. Resolves when transactions that were writing changes have ended.
   */
  static async open(options: ChangeFeedOptions): Promise<ChangeFeed> {
    const { db } = options.store;
    const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const head = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const snapshot = await readSnapshot(trx);
      const newest = await trx.selectFrom('catalog_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      const pruned = await readPruned(trx);
      return { seq: Math.max(Number(newest?.seq ?? 0), pruned), xmax: snapshot.xmax };
    });
    const feed = new ChangeFeed(options, head.seq);
    feed.listener = new ChangeListener({
      connectionString: options.connectionString,
      schema: schema.rows[0]!.schema,
      onNotice: () => feed.wake(),
      onReconnect: () => feed.wake(),
      logger: options.logger,
    });
    await feed.listener.start();
    try {
      await feed.waitForWritersBefore(head.xmax);
    } catch (err) {
      await feed.close();
      throw err;
    }
    return feed;
  }

  /** Starts applying changes (those made since `open` first) and routes this process's notices here. */
  start(): void {
    this.started = true;
    this.stopFollowing = followChangesFrom(this.options.store, this);
    this.schedulePrune(0);
    this.wake();
  }

  /**
   * Reads now and applies what it finds; resolves once the views have followed every change
   * committed before the call. A failed read is logged and tried again later, not thrown: the
   * writer's change is committed, and the views will follow it.
   */
  async catchUp(): Promise<void> {
    await this.read(true).catch((err: unknown) => this.failed(err));
  }

  /** Where the feed stands: applied up to, the highest number applied, whether a number is awaited. */
  stats(): ChangeFeedStats {
    return { position: this.sequencer.position, highest: this.sequencer.highest, waiting: this.sequencer.waiting, reads: this.reads };
  }

  /** The listening connection's server process id (tests end it to prove the feed reconnects). */
  get listenerPid(): number | null {
    return this.listener?.backendPid ?? null;
  }

  /** Stops listening, reading and pruning; resolves once a read in progress has ended. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopFollowing();
    for (const timer of [this.fullReloadTimer, this.readTimer, this.pruneTimer]) if (timer) clearTimeout(timer);
    await this.listener?.close();
    await (this.queued ?? this.running)?.catch(() => undefined);
  }

  private wake(): void {
    if (!this.started || this.closed) return;
    this.read(false).catch((err: unknown) => this.failed(err));
  }

  private failed(err: unknown): void {
    this.options.logger.warn({ err }, 'catalog changes: reading changes failed; trying again');
    this.scheduleRead(RETRY_READ_MS);
  }

  /** One read at a time; callers during a read share the one queued after it, which sees their commits. */
  private read(asked: boolean): Promise<void> {
    if (asked) this.asked = true;
    if (this.queued) return this.queued;
    if (!this.running) {
      this.running = this.readOnce().finally(() => (this.running = null));
      return this.running;
    }
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.read(false);
      });
    return this.queued;
  }

  private async readOnce(): Promise<void> {
    if (this.closed) return;
    const asked = this.asked;
    this.asked = false;
    const read = await this.readRows();
    this.reads += 1;
    const { apply, lost } = this.sequencer.accept(read);
    if (lost) this.options.logger.warn({ position: this.sequencer.position }, 'catalog changes: some changes could not be read in order; reloading the whole catalog');
    const meaning = lost ? ({ kind: 'all' } as const) : meaningOf(apply);
    if (meaning.kind === 'products') await deliverCatalogChange(this.options.store, meaning.change);
    else if (meaning.kind === 'all') await this.reloadAll(asked);
    // The writer's change may have been read by a notice's read, whose reload is waiting.
    if (asked && this.fullReloadTimer) await this.reloadNow();
    if (this.sequencer.waiting) this.scheduleRead(GAP_RECHECK_MS);
    if (read.rows.length >= BATCH_ROWS) this.wake();
  }

  /**
   * Everything may have changed. A writer of this process waits for it; changes from elsewhere
   * (a background job on another node writing photos one by one) reload at most once a second.
   */
  private async reloadAll(asked: boolean): Promise<void> {
    const wait = this.lastFullReload + FULL_RELOAD_EVERY_MS - performance.now();
    if (!asked && wait > 0) {
      this.fullReloadTimer ??= setTimeout(() => {
        this.fullReloadTimer = null;
        void this.reloadNow();
      }, wait);
      this.fullReloadTimer.unref();
      return;
    }
    await this.reloadNow();
  }

  private async reloadNow(): Promise<void> {
    if (this.fullReloadTimer) clearTimeout(this.fullReloadTimer);
    this.fullReloadTimer = null;
    this.lastFullReload = performance.now();
    if (!this.closed) await deliverCatalogChange(this.options.store);
  }

  private async readRows(): Promise<ChangeRead<ChangeRow>> {
    const { after, ranges } = this.sequencer.wanted();
    const wanted = sql.join([sql`seq > ${after}`, ...ranges.map(([from, to]) => sql`seq BETWEEN ${from} AND ${to}`)], sql` OR `);
    // One statement, so one snapshot for the rows and the transaction ids the gap logic compares
    // them with (and one round trip per notice on every node).
    const result = await sql<{ xmin: string; xmax: string; pruned: number; seq: number | null; table_name: string | null; key: string | null; op: string | null }>`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
             p.seq AS pruned, c.seq, c.table_name, c.key, c.op
        FROM catalog_changes_pruned p
        LEFT JOIN LATERAL (
          SELECT seq, table_name, key, op FROM catalog_changes WHERE ${wanted} ORDER BY seq LIMIT ${BATCH_ROWS}
        ) c ON true
       WHERE p.id = 1
       ORDER BY c.seq`.execute(this.options.store.db);
    const first = result.rows[0];
    if (!first) throw new Error('catalog_changes_pruned has no row: the change feed migration did not run');
    const rows = result.rows.flatMap((row) => (row.seq === null ? [] : [{ seq: Number(row.seq), table_name: row.table_name!, key: row.key!, op: row.op! }]));
    return { rows, xmin: Number(first.xmin), xmax: Number(first.xmax), pruned: Number(first.pruned) };
  }

  /** Reads again after `delayMs` (an open gap, a failed read), unless a read is already due. */
  private scheduleRead(delayMs: number): void {
    if (this.readTimer || this.closed) return;
    this.readTimer = setTimeout(() => {
      this.readTimer = null;
      this.wake();
    }, delayMs);
    this.readTimer.unref();
  }

  /** Waits until every transaction that had started at `xmax` has ended (or START_WAIT_MS passed). */
  private async waitForWritersBefore(xmax: number): Promise<void> {
    const until = performance.now() + START_WAIT_MS;
    for (;;) {
      const { xmin } = await readSnapshot(this.options.store.db);
      if (xmin >= xmax) return;
      if (performance.now() > until) {
        this.options.logger.warn({ xmin, xmax }, 'catalog changes: a transaction open since before start is still running; loading the catalog anyway');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private schedulePrune(delayMs: number): void {
    if (this.closed) return;
    this.pruneTimer = setTimeout(() => {
      pruneChanges(this.options.store.db, this.options.retentionMs)
        .catch((err: unknown) => this.options.logger.warn({ err }, 'catalog changes: pruning old changes failed'))
        .finally(() => this.schedulePrune(PRUNE_EVERY_MS));
    }, delayMs);
    this.pruneTimer.unref();
  }
}

/** The snapshot's oldest running and first unassigned transaction ids (xid8, within a double's range). */
async function readSnapshot(db: Kysely<Database>): Promise<{ xmin: number; xmax: number }> {
  const result = await sql<{ xmin: string; xmax: string }>`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db);
  const row = result.rows[0]!;
  return { xmin: Number(row.xmin), xmax: Number(row.xmax) };
}

async function readPruned(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('catalog_changes_pruned').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Opens the change feed of `store` when it is PostgreSQL; SQLite's single process announces its own changes. */
export async function openChangeFeed(options: Omit<ChangeFeedOptions, 'connectionString'> & { connectionString: string | undefined }): Promise<ChangeFeed | null> {
  if (options.store.dialect !== 'postgres' || !options.connectionString) return null;
  return ChangeFeed.open({ ...options, connectionString: options.connectionString });
}
