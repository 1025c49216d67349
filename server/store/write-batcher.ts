/**
 * Group commit for SQLite: small write transactions of concurrent requests run one after another
 * inside one SQLite transaction, each in its own savepoint, and commit together. A job that throws
 * rolls back to its savepoint only; the others commit. Every job's promise settles after the
 * commit, so nothing is acknowledged before it is durable. SQLite has one writer at a time anyway;
 * this pays its per-commit cost (WAL frames written, lock taken) once per batch instead of once per
 * request. PostgreSQL runs each job in its own transaction: its commits already overlap.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Store } from './database';
import { runCompiled } from './prepared-query';
import type { Database } from './schema';

/** At most this many jobs share a commit, so a batch never holds the connection long. */
export const MAX_BATCH = 64;

// Run around every job: compiled once rather than per job.
const SAVEPOINT = CompiledQuery.raw('savepoint job');
const RELEASE = CompiledQuery.raw('release job');
const ROLLBACK_TO = CompiledQuery.raw('rollback to job');

interface Job {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteBatcher {
  /** Runs `work` in a transaction (shared with other jobs on SQLite) and resolves once it is committed. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}

/** The batcher for `store`'s dialect. */
export function createWriteBatcher(store: Store): WriteBatcher {
  if (store.dialect === 'postgres') return { run: (work) => store.db.transaction().execute(work) };
  return new SqliteBatcher(store.db);
}

class SqliteBatcher implements WriteBatcher {
  private queue: Job[] = [];
  private running = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.running) return;
      this.running = true;
      // Wait out this turn of the event loop: requests read in the same turn join the batch.
      setImmediate(this.drainOne);
    });
  }

  /**
   * Commits one batch, then gives the event loop a turn before the next. better-sqlite3 answers
   * synchronously, so batches run back to back would be one long task: requests arriving meanwhile
   * would sit unread until the whole queue was done, then wait for all of the next one (two
   * queues' worth of waiting for some, one for others: the latency tail). A turn between batches
   * reads and queues them in arrival order instead, so each waits only for what arrived before it.
   */
  private readonly drainOne = (): void => {
    const batch = this.queue.splice(0, MAX_BATCH);
    void this.commit(batch).finally(() => {
      if (this.queue.length > 0) setImmediate(this.drainOne);
      else this.running = false;
    });
  };

  private async commit(batch: Job[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of batch) {
          await runCompiled(trx, SAVEPOINT);
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
            await runCompiled(trx, RELEASE);
          } catch (error) {
            await runCompiled(trx, ROLLBACK_TO);
            await runCompiled(trx, RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch was written.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
