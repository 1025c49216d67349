/** Foxtrot's histogram and trend periods, and the SQL that buckets a time into one. */
import { AppError } from '../../errors/app-error';

const PERIODS: Record<string, number> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

export function periodMs(period: unknown, fallback = 'minutes'): number {
  const name = period === undefined || period === null ? fallback : period;
  // Own names only: `constructor` or `toString` are not periods.
  const ms = typeof name === 'string' && Object.hasOwn(PERIODS, name) ? PERIODS[name] : undefined;
  if (!ms) throw new AppError('bad-request', { period }, `period must be one of ${Object.keys(PERIODS).join(', ')}.`);
  return ms;
}

/** Start of the bucket holding `expr` (ms), in SQL both engines run. */
export function bucketSql(expr: string, ms: number): string {
  return `(floor(${expr} / ${ms}) * ${ms})`;
}
