/** Bounded concurrency: at most `limit` tasks run at once, pulling items as they finish. */

/**
 * Runs `task` on every item of `items` (read lazily, so a large campaign is never all in memory)
 * with at most `limit` tasks running at once. A task that throws stops nothing else; the first
 * error is rethrown once every task has finished.
 */
export async function forEachWithLimit<T>(items: AsyncIterable<T> | Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const iterator = Symbol.asyncIterator in items ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : toAsync((items as Iterable<T>)[Symbol.iterator]());
  let failure: { error: unknown } | null = null;
  let exhausted = false;
  // An async iterator's next() calls queue up, so workers can share it.
  const worker = async (): Promise<void> => {
    while (!exhausted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      try {
        await task(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next() };
}
