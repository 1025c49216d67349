/**
 * "Last updated 5 minutes ago": when the cart shown offline was last answered by the server, in
 * India's time and the shopper's words. Pure (the clock is passed in), so it is tested in Node.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const IST = 'Asia/Kolkata';

/** The IST calendar day of an instant, as `YYYY-MM-DD`. */
function istDay(at: number): string {
  return new Date(at).toLocaleDateString('en-CA', { timeZone: IST });
}

/** How long ago `at` was, seen at `now` (both ms since the epoch). */
export function lastUpdatedLabel(at: number, now: number): string {
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'Last updated just now';
  if (ago < HOUR) {
    const minutes = Math.floor(ago / MINUTE);
    return `Last updated ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  }
  const time = new Date(at).toLocaleTimeString('en-IN', { timeZone: IST, hour: 'numeric', minute: '2-digit' });
  if (istDay(at) === istDay(now)) return `Last updated today at ${time}`;
  if (istDay(at) === istDay(now - 24 * HOUR)) return `Last updated yesterday at ${time}`;
  const day = new Date(at).toLocaleDateString('en-IN', { timeZone: IST, day: 'numeric', month: 'short' });
  return `Last updated on ${day} at ${time}`;
}
