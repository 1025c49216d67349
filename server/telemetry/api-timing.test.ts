import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { ApiTimingRecorder, MAX_BUFFERED } from './api-timing';
import type { EventSink } from './buffered-events';

const deps = { now: () => 1_700_000_000_000, logger: pino({ level: 'silent' }) };

/** A sink whose writes finish only when the test says so. */
function slowSink() {
  const writes: unknown[][] = [];
  const waiting: Array<() => void> = [];
  const sink: EventSink = {
    bulk(_table, documents) {
      writes.push(documents);
      return new Promise((resolve) => waiting.push(() => resolve({ accepted: documents.length, rejected: [] })));
    },
  };
  const release = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { sink, writes, release };
}

describe('ApiTimingRecorder', () => {
  it('keeps records until a store is attached, then writes them', async () => {
    const recorder = new ApiTimingRecorder(deps);
    const { sink, writes, release } = slowSink();
    recorder.record({ eventType: 'API_CALL', route: '/api/cart' }, 1);
    assert.equal(writes.length, 0);
    recorder.attach(sink);
    const done = recorder.flush();
    await release();
    await done;
    assert.equal(writes.length, 1);
    assert.equal((writes[0]![0] as { data: { route: string } }).data.route, '/api/cart');
    await recorder.detach();
  });

  it('drops records past the bound while the store is slow, and writes how many it dropped', async () => {
    const recorder = new ApiTimingRecorder(deps);
    const { sink, writes, release } = slowSink();
    recorder.attach(sink);
    // The first full batch starts a write that does not finish; the rest fill the buffer.
    for (let i = 0; i < MAX_BUFFERED + 500 + 7; i++) recorder.record({ eventType: 'API_CALL', route: '/api/x' }, i);
    assert.equal(recorder.dropped, 7);
    const done = recorder.flush();
    await release();
    await done;
    const all = writes.flat() as Array<{ data: { eventType: string; count?: number } }>;
    assert.equal(all.filter((d) => d.data.eventType === 'API_CALL').length, MAX_BUFFERED + 500);
    assert.deepEqual(all.filter((d) => d.data.eventType === 'API_TIMINGS_DROPPED').map((d) => d.data.count), [7]);
    assert.equal(recorder.dropped, 0);
    await recorder.detach();
  });

  it('never throws into the request when the store fails', async () => {
    const recorder = new ApiTimingRecorder(deps);
    recorder.attach({ bulk: () => Promise.reject(new Error('disk full')) });
    recorder.record({ eventType: 'API_CALL', route: '/api/x' }, 1);
    await recorder.flush();
    await recorder.detach();
  });
});
