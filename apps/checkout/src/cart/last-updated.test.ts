import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastUpdatedLabel } from './last-updated';

/** An instant given as IST wall-clock time. */
const ist = (iso: string) => Date.parse(`${iso}+05:30`);

describe('lastUpdatedLabel', () => {
  const now = ist('2026-11-30T18:30:00');

  it('should count minutes within the hour', () => {
    assert.equal(lastUpdatedLabel(now - 20_000, now), 'Last updated just now');
    assert.equal(lastUpdatedLabel(now - 60_000, now), 'Last updated 1 minute ago');
    assert.equal(lastUpdatedLabel(now - 59 * 60_000, now), 'Last updated 59 minutes ago');
  });

  it('should name the time, in India, for older copies', () => {
    assert.match(lastUpdatedLabel(ist('2026-11-30T09:05:00'), now), /^Last updated today at 9:05\sam$/i);
    assert.match(lastUpdatedLabel(ist('2026-11-29T21:40:00'), now), /^Last updated yesterday at 9:40\spm$/i);
    assert.match(lastUpdatedLabel(ist('2026-11-20T12:00:00'), now), /^Last updated on 20 Nov at 12:00\spm$/i);
  });

  it('should use the IST day, not the UTC one', () => {
    // 00:30 IST on 1 December is still 30 November in UTC.
    const early = ist('2026-12-01T00:30:00');
    assert.match(lastUpdatedLabel(ist('2026-11-30T23:00:00'), early + 2 * 3600_000), /yesterday/);
    assert.match(lastUpdatedLabel(early, early + 2 * 3600_000), /today/);
  });

  it('should not count a copy from a clock ahead as in the future', () => {
    assert.equal(lastUpdatedLabel(now + 5 * 60_000, now), 'Last updated just now');
  });
});
