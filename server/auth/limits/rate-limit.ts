/** Sliding-window limits on sending codes, kept in the shared limits, so every node counts them together. */
import type { SharedLimits } from '../../cluster/shared-limits';

export interface WindowLimit {
  bucket: string;
  max: number;
  windowMs: number;
}

/** Null when the event was recorded within its limit, otherwise the seconds until one frees up. */
export async function takeFromWindow(limits: SharedLimits, limit: WindowLimit, now: number): Promise<number | null> {
  const wait = await limits.take(limit.bucket, limit, now);
  return wait === null ? null : Math.max(1, Math.ceil(wait / 1000));
}
