/** Durations as Foxtrot writes them: "15m", "1h", "7d", "30 seconds", or plain milliseconds. */
import { AppError } from '../errors/app-error';
import { shown } from '../http/shown-value';

const UNITS: Record<string, number> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

/** Longer than any table keeps events; beyond it a window only risks numbers too large to compute with. */
const MAX_DURATION_MS = 100 * 365 * 86_400_000;

/** Milliseconds in `input`, or a 400 naming the bad duration. */
export function parseDuration(input: unknown): number {
  if (typeof input === 'number' && input > 0 && input <= MAX_DURATION_MS) return input;
  if (typeof input === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(input);
    const name = match?.[2]!.toLowerCase();
    // Own units only: "1 constructor" is no duration.
    const unit = name !== undefined && Object.hasOwn(UNITS, name) ? UNITS[name]! : undefined;
    const ms = match && unit ? Number(match[1]) * unit : NaN;
    if (ms > 0 && ms <= MAX_DURATION_MS) return ms;
  }
  throw new AppError('bad-request', { duration: input }, `"${shown(input)}" is not a duration such as "15m", "1h" or "7d".`);
}
