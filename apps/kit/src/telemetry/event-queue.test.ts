import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventQueue, toBatches, type EventStorage, type SendResult } from './event-queue';
import type { TelemetryDocument } from './event-types';

let serial = 0;
const doc = (extra: Record<string, unknown> = {}): TelemetryDocument =>
  ({ id: `e${++serial}`, timestamp: 1_700_000_000_000 + serial, data: { eventType: 'PAGE_VIEW', ...extra } }) as unknown as TelemetryDocument;

/** A queue whose network, storage and clock are plain objects the test controls. */
function harness(options: { results?: SendResult[]; online?: boolean; maxBatch?: number; maxChars?: number } = {}) {
  const sent: Array<{ ids: string[]; unloading: boolean }> = [];
  const stored = new Map<string, TelemetryDocument>();
  const timers: Array<() => void> = [];
  const results = [...(options.results ?? [])];
  const net = { online: options.online ?? true };
  const storage: EventStorage = {
    save: async (docs) => docs.forEach((d) => stored.set(d.id, d)),
    load: async (limit) => [...stored.values()].slice(0, limit),
    remove: async (ids) => ids.forEach((id) => stored.delete(id)),
    clear: async () => stored.clear(),
  };
  const queue = new EventQueue({
    transport: {
      send(docs, unloading) {
        sent.push({ ids: docs.map((d) => d.id), unloading });
        return results.shift() ?? 'sent';
      },
    },
    storage,
    isOnline: () => net.online,
    schedule: (run) => timers.push(run),
    cancel: () => timers.splice(0),
    maxBatch: options.maxBatch ?? 3,
    maxChars: options.maxChars ?? 30_000,
  });
  const fireTimers = async () => {
    for (const run of timers.splice(0)) run();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, sent, stored, timers, net, fireTimers };
}

describe('EventQueue', () => {
  describe('.add(document)', () => {
    it('waits for the delay, then sends what arrived in one batch', async () => {
      const h = harness();
      const [a, b] = [doc(), doc()];
      h.queue.add(a);
      h.queue.add(b);
      assert.equal(h.sent.length, 0);
      assert.equal(h.timers.length, 1, 'one timer for the batch, not one per event');
      await h.fireTimers();
      assert.deepEqual(h.sent, [{ ids: [a.id, b.id], unloading: false }]);
      assert.equal(h.queue.size, 0);
    });

    it('sends a full batch at once', async () => {
      const h = harness({ maxBatch: 2 });
      h.queue.add(doc());
      h.queue.add(doc());
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(h.sent.length, 1);
      assert.equal(h.sent[0]!.ids.length, 2);
    });
  });

  describe('.flush(unloading)', () => {
    it('hands batches a slower flush still holds to the page-hide send, so leaving the page loses none', async () => {
      const sent: Array<{ ids: string[]; unloading: boolean }> = [];
      let answerFirst: (result: SendResult) => void = () => {};
      const queue = new EventQueue({
        transport: {
          send(docs, unloading) {
            sent.push({ ids: docs.map((d) => d.id), unloading });
            // The first (ordinary) send stays in flight until the test answers it.
            return sent.length === 1 ? new Promise<SendResult>((resolve) => (answerFirst = resolve)) : 'sent';
          },
        },
        storage: { save: async () => undefined, load: async () => [], remove: async () => undefined, clear: async () => undefined },
        isOnline: () => true,
        schedule: () => 0,
        cancel: () => undefined,
        // Every event its own batch, so one flush holds several.
        maxChars: 1,
      });
      const [a, b, c] = [doc(), doc(), doc()];
      queue.add(a);
      queue.add(b);
      void queue.flush();
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(sent, [{ ids: [a.id], unloading: false }], 'one request at a time');
      queue.add(c);
      await queue.flush(true);
      assert.deepEqual(sent.slice(1), [{ ids: [b.id], unloading: true }, { ids: [c.id], unloading: true }]);
      answerFirst('sent');
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(sent.length, 3, 'nothing is sent twice');
    });

    it('stores the events instead of sending while offline', async () => {
      const h = harness({ online: false });
      const a = doc();
      h.queue.add(a);
      await h.queue.flush();
      assert.equal(h.sent.length, 0);
      assert.deepEqual([...h.stored.keys()], [a.id]);
    });

    it('keeps a batch whose send failed, and drops one the server rejected', async () => {
      const h = harness({ results: ['failed', 'rejected'], maxChars: 1 });
      const [a, b] = [doc(), doc()];
      h.queue.add(a);
      h.queue.add(b);
      await h.queue.flush();
      assert.deepEqual(h.sent.map((s) => s.ids), [[a.id], [b.id]]);
      assert.deepEqual([...h.stored.keys()], [a.id]);
    });

    it('starts every send before returning when the page is being hidden', () => {
      const h = harness({ maxChars: 1 });
      h.queue.add(doc());
      h.queue.add(doc());
      void h.queue.flush(true);
      assert.deepEqual(h.sent.map((s) => s.unloading), [true, true]);
    });

    it('stores what a beacon could not take', async () => {
      const h = harness({ results: ['failed'] });
      const a = doc();
      h.queue.add(a);
      await h.queue.flush(true);
      assert.deepEqual([...h.stored.keys()], [a.id]);
    });

    it('survives a transport that throws', async () => {
      const h = harness();
      const queue = new EventQueue({
        transport: { send: () => Promise.reject(new TypeError('quota')) },
        storage: { save: async () => undefined, load: async () => [], remove: async () => undefined, clear: async () => undefined },
        isOnline: () => true,
        schedule: () => 0,
        cancel: () => undefined,
      });
      queue.add(doc());
      await queue.flush();
      assert.equal(h.sent.length, 0);
    });

    it('survives storage that fails', async () => {
      const queue = new EventQueue({
        transport: { send: () => 'failed' },
        storage: { save: () => Promise.reject(new Error('quota')), load: async () => [], remove: async () => undefined, clear: async () => undefined },
        isOnline: () => true,
        schedule: () => 0,
        cancel: () => undefined,
      });
      queue.add(doc());
      await queue.flush();
    });
  });

  describe('.drainStored()', () => {
    it('sends stored events in batches and removes them once sent', async () => {
      const h = harness({ online: false, maxBatch: 2 });
      const docs = [doc(), doc(), doc()];
      docs.forEach((d) => h.queue.add(d));
      await h.queue.flush();
      assert.equal(h.stored.size, 3);
      h.net.online = true;
      await h.queue.drainStored();
      assert.deepEqual(h.sent.map((s) => s.ids.length), [2, 1]);
      assert.equal(h.stored.size, 0);
    });

    it('stops at the first failed send and keeps what it could not send', async () => {
      const h = harness({ results: ['failed'] });
      const a = doc();
      h.stored.set(a.id, a);
      await h.queue.drainStored();
      assert.deepEqual([...h.stored.keys()], [a.id]);
      assert.equal(h.sent.length, 1);
    });

    it('does nothing while offline', async () => {
      const h = harness({ online: false });
      const a = doc();
      h.stored.set(a.id, a);
      await h.queue.drainStored();
      assert.equal(h.sent.length, 0);
    });

    it('resends the same ids, so the server stores a retried event once', async () => {
      const h = harness({ results: ['failed', 'sent'] });
      const a = doc();
      h.queue.add(a);
      await h.queue.flush();
      await h.queue.drainStored();
      assert.deepEqual(h.sent.map((s) => s.ids), [[a.id], [a.id]]);
    });
  });
});

describe('EventQueue.discard (sign-out)', () => {
  it('drops events in memory and in storage, so none is sent later', async () => {
    const h = harness({ online: false });
    const kept = doc();
    h.stored.set(kept.id, kept);
    h.queue.add(doc());
    assert.equal(h.queue.size, 1);
    await h.queue.discard();
    assert.equal(h.queue.size, 0);
    assert.equal(h.stored.size, 0);
    assert.equal(h.timers.length, 0);
    h.net.online = true;
    await h.fireTimers();
    await h.queue.drainStored();
    assert.deepEqual(h.sent, []);
  });

  it('stops a drain that loaded events before the discard', async () => {
    const h = harness({ maxBatch: 1 });
    for (let i = 0; i < 3; i++) {
      const d = doc();
      h.stored.set(d.id, d);
    }
    const draining = h.queue.drainStored();
    await h.queue.discard();
    await draining;
    assert.ok(h.sent.length <= 1, `${h.sent.length} batches sent after the discard`);
    assert.equal(h.stored.size, 0);
  });
});

describe('toBatches', () => {
  it('splits by count', () => {
    const docs = Array.from({ length: 5 }, () => doc());
    assert.deepEqual(toBatches(docs, 2, 1e6).map((b) => b.length), [2, 2, 1]);
  });
  it('splits by size, keeping even an oversized document', () => {
    const big = doc({ blob: 'x'.repeat(500) });
    const docs = [doc(), big, doc()];
    assert.deepEqual(toBatches(docs, 50, 300).map((b) => b.length), [1, 1, 1]);
  });
});
