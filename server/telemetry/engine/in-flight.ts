/**
 * Work still running (queries, inserts), so that a change can wait for what started before it:
 * a column marked mixed waits for the queries planned without that knowledge, and a column's fill
 * waits for the inserts that carried no value for it.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` counted as in flight until it settles; answers what it answers. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** Resolves once everything in flight now has settled (whatever starts later is not waited for). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
