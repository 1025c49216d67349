import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isQuietHour, sendTimeAfterQuiet } from './quiet-hours';

const NIGHT = { start: 21, end: 9 };
// 2026-03-10 in India (UTC+5:30, no daylight saving).
const ist = (hour: number, minute = 0) => Date.UTC(2026, 2, 10, hour, minute) - 5.5 * 3_600_000;

describe('quiet hours', () => {
  it('should span midnight when the end is before the start', () => {
    assert.ok(isQuietHour(21, NIGHT));
    assert.ok(isQuietHour(2, NIGHT));
    assert.ok(isQuietHour(8, NIGHT));
    assert.ok(!isQuietHour(9, NIGHT));
    assert.ok(!isQuietHour(20, NIGHT));
    assert.ok(isQuietHour(13, { start: 13, end: 15 }) && !isQuietHour(15, { start: 13, end: 15 }));
  });

  it('should send at once outside quiet hours', () => {
    assert.equal(sendTimeAfterQuiet(ist(10, 30), NIGHT, 'Asia/Kolkata'), ist(10, 30));
    assert.equal(sendTimeAfterQuiet(ist(20, 59), NIGHT, 'Asia/Kolkata'), ist(20, 59));
  });

  it('should wait for the end of quiet hours in the shop\'s time zone', () => {
    assert.equal(sendTimeAfterQuiet(ist(23, 15) + 1234, NIGHT, 'Asia/Kolkata'), ist(9) + 86_400_000);
    assert.equal(sendTimeAfterQuiet(ist(3, 40), NIGHT, 'Asia/Kolkata'), ist(9));
    assert.equal(sendTimeAfterQuiet(ist(8, 59), NIGHT, 'Asia/Kolkata'), ist(9));
  });

  it('should send at once when there are no quiet hours', () => {
    assert.equal(sendTimeAfterQuiet(ist(23), null, 'Asia/Kolkata'), ist(23));
  });
});
