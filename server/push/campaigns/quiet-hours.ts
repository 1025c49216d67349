/**
 * Quiet hours: campaigns do not wake shoppers at night. The hours are the shop's local time
 * (PUSH_TIMEZONE, India by default); a campaign created inside them waits until they end.
 */

export interface QuietHours {
  /** Local hour (0–23) they start at, inclusive. */
  start: number;
  /** Local hour (0–23) they end at, exclusive; smaller than `start` when they span midnight. */
  end: number;
}

/** The local wall-clock time of `at` in `timeZone`. */
function localTime(at: number, timeZone: string): { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** Whether local hour `hour` is inside the quiet hours. */
export function isQuietHour(hour: number, quiet: QuietHours): boolean {
  return quiet.start < quiet.end ? hour >= quiet.start && hour < quiet.end : hour >= quiet.start || hour < quiet.end;
}

/**
 * When a campaign created at `now` may be sent: `now` outside quiet hours, else the moment they end.
 * (Across a daylight-saving change the end may be an hour off; India has none.)
 */
export function sendTimeAfterQuiet(now: number, quiet: QuietHours | null, timeZone: string): number {
  if (!quiet) return now;
  const { hour, minute, second } = localTime(now, timeZone);
  if (!isQuietHour(hour, quiet)) return now;
  const hoursLeft = (quiet.end - hour + 24) % 24;
  const startOfHour = now - (minute * 60 + second) * 1000 - (now % 1000);
  return startOfHour + hoursLeft * 3_600_000;
}
