import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderStatus } from '../../../../shared/api-types';
import { timelineSteps } from './order-timeline';

const at = '2026-12-01T10:00:00.000Z';
const entry = (status: OrderStatus) => ({ status, note: status, at });

describe('timelineSteps', () => {
  it('should show the whole path, done up to the current status', () => {
    const steps = timelineSteps({ status: 'shipped', timeline: [entry('placed'), entry('packed'), entry('shipped')] });
    assert.deepEqual(steps.map((s) => [s.status, s.done]), [['placed', true], ['packed', true], ['shipped', true], ['out_for_delivery', false], ['delivered', false]]);
    assert.equal(steps[2]!.entry?.note, 'shipped');
    assert.equal(steps[3]!.entry, undefined);
  });

  it('should end a cancelled order at the cancellation, after the steps it reached', () => {
    const steps = timelineSteps({ status: 'cancelled', timeline: [entry('placed'), entry('packed'), entry('cancelled')] });
    assert.deepEqual(steps.map((s) => s.status), ['placed', 'packed', 'cancelled']);
    assert.ok(steps.every((s) => s.done));
  });
});
