/** Cuts a table's rows into time ranges of at most so many rows, for filling a new column in steps. */

/**
 * Consecutive buckets (`h`: bucket number of `width` ms, `n`: rows in it, in order) merged into
 * ranges `[from, to)` of about `maxRows` rows each (a bucket holding more is a range of its own).
 */
export function slices(buckets: readonly Record<string, unknown>[], width: number, maxRows: number): { from: number; to: number }[] {
  const out: { from: number; to: number; rows: number }[] = [];
  for (const bucket of buckets) {
    const h = Number(bucket.h);
    const n = Number(bucket.n);
    const last = out[out.length - 1];
    if (last && last.rows + n <= maxRows) {
      last.to = (h + 1) * width;
      last.rows += n;
    } else {
      out.push({ from: h * width, to: (h + 1) * width, rows: n });
    }
  }
  return out.map(({ from, to }) => ({ from, to }));
}
