/** An outbox kept in memory: for browsers that refuse IndexedDB (some private modes) and for tests. */
import type { PageOutboxStorage } from './outbox-db';
import type { OutboxOp, OutboxResult } from './outbox-ops';

/** A fresh, empty in-memory outbox. Nothing survives the page, but order and results work the same. */
export function createMemoryOutbox(): PageOutboxStorage {
  let ops: OutboxOp[] = [];
  let next = 1;
  const results = new Map<string, OutboxResult>();
  return {
    async add(op) {
      const queued = { ...op, seq: next++ };
      ops.push(queued);
      return queued;
    },
    async list() {
      return [...ops];
    },
    async settle(op, result) {
      ops = ops.filter((o) => o.seq !== op.seq);
      results.set(result.key, result);
    },
    async results() {
      return [...results.values()].sort((a, b) => a.at - b.at);
    },
  };
}
