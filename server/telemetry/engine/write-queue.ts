/**
 * Group commit: writes that arrive while one is committing wait and then go in together, so many
 * small HTTP batches cost one commit, and each caller is answered only after its rows are durable.
 */
export interface Pending<T> {
  item: T;
  /** Answers the caller: the rows stored, or what else the write numbers (the ingest log: the frame's number). */
  resolve: (answer: number) => void;
  reject: (error: unknown) => void;
}

export class WriteQueue<T> {
  private pending: Pending<T>[] = [];
  private running = false;

  /**
   * `schedule` decides when a commit starts once the queue was idle: at once by default; the DuckDB
   * writer thread passes `setImmediate` so that every request already waiting in its port joins.
   */
  constructor(
    private readonly flush: (items: Pending<T>[]) => Promise<void>,
    private readonly schedule: (start: () => void) => void = (start) => start(),
  ) {}

  push(item: T): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        this.schedule(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.flush(batch);
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.running = false;
  }

  /** Resolves once everything queued so far is written. */
  async idle(): Promise<void> {
    while (this.running || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
  }
}
