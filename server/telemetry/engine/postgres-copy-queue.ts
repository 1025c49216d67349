/**
 * Group commit for PostgreSQL's COPYs: batches for one target (a table and its column list) that
 * arrive while a COPY into it runs wait for it and then go in together as one COPY, so concurrent
 * requests cost PostgreSQL one statement and one commit (its fixed cost per COPY, ~0.4 ms, was
 * ~0.8 µs an event at 500-event batches; decisions/0034). Each caller is answered once its rows are
 * committed. A merged COPY that PostgreSQL refuses is retried batch by batch, so one bad batch
 * fails alone, with PostgreSQL's error, as it did on its own.
 */
import { WriteQueue, type Pending } from './write-queue';

/** One batch: COPY text rows (each ending in a newline) and how many. */
export interface CopyBatch {
  text: string;
  rows: number;
}

/** Runs one `COPY <target> FROM STDIN` with `text`; answers the rows stored. */
export type CopyRunner = (target: string, text: string) => Promise<number>;

export class CopyQueue {
  private readonly queues = new Map<string, WriteQueue<CopyBatch>>();

  constructor(private readonly run: CopyRunner) {}

  /** Stores `batch` into `target` (alone or with others waiting for the same target); answers its rows stored. */
  copy(target: string, batch: CopyBatch): Promise<number> {
    let queue = this.queues.get(target);
    if (!queue) {
      queue = new WriteQueue<CopyBatch>((items) => this.flush(target, items));
      this.queues.set(target, queue);
    }
    return queue.push(batch);
  }

  private async flush(target: string, items: Pending<CopyBatch>[]): Promise<void> {
    if (items.length > 1) {
      let stored: number;
      try {
        stored = await this.run(target, items.map((p) => p.item.text).join(''));
      } catch {
        // Refused together: each alone, so only the batch PostgreSQL refuses fails.
        for (const p of items) await this.one(target, p);
        return;
      }
      if (stored === items.reduce((sum, p) => sum + p.item.rows, 0)) {
        for (const p of items) p.resolve(p.item.rows);
        return;
      }
      // COPY stores all of its rows or none: a different count is a broken promise, not a partial write.
      const error = new Error(`COPY stored ${stored} of ${items.length} batches' rows`);
      for (const p of items) p.reject(error);
      return;
    }
    await this.one(target, items[0]!);
  }

  private async one(target: string, p: Pending<CopyBatch>): Promise<void> {
    try {
      p.resolve(await this.run(target, p.item.text));
    } catch (error) {
      p.reject(error);
    }
  }

  /** Resolves once every COPY queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.idle()));
  }
}
