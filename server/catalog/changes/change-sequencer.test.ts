import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeSequencer, type ChangeRead } from './change-sequencer';

const GIVE_UP_MS = 60_000;

function sequencer(start = 0) {
  const clock = { now: 0 };
  const seq = new ChangeSequencer(start, { now: () => clock.now, giveUpAfterMs: GIVE_UP_MS, maxGaps: 3 });
  return { seq, clock };
}

function read(seqs: number[], snapshot: { xmin: number; xmax: number }, pruned = 0): ChangeRead<{ seq: number }> {
  return { rows: seqs.map((n) => ({ seq: n })), ...snapshot, pruned };
}

const applied = (result: { apply: Array<{ seq: number }> }) => result.apply.map((row) => row.seq);

describe('ChangeSequencer', () => {
  it('applies rows in sequence order and moves the cursor to the last', () => {
    const { seq } = sequencer(10);
    const result = seq.accept(read([13, 11, 12], { xmin: 100, xmax: 101 }));
    assert.deepEqual(applied(result), [11, 12, 13]);
    assert.equal(result.lost, false);
    assert.equal(seq.position, 13);
    assert.deepEqual(seq.wanted(), { after: 13, ranges: [] });
  });

  it('never applies a row twice', () => {
    const { seq } = sequencer();
    seq.accept(read([1, 2], { xmin: 5, xmax: 6 }));
    assert.deepEqual(applied(seq.accept(read([1, 2, 3], { xmin: 5, xmax: 6 }))), [3]);
  });

  it('holds the cursor below a number an open transaction may still commit, and applies it when it does', () => {
    const { seq } = sequencer();
    // 2 is taken by a transaction still running when 1 and 3 were read.
    assert.deepEqual(applied(seq.accept(read([1, 3], { xmin: 40, xmax: 50 }))), [1, 3]);
    assert.equal(seq.position, 1);
    assert.equal(seq.waiting, true);
    assert.deepEqual(seq.wanted(), { after: 3, ranges: [[2, 2]] });
    // Still running: the gap stays.
    assert.deepEqual(applied(seq.accept(read([], { xmin: 40, xmax: 52 }))), []);
    assert.equal(seq.position, 1);
    // It committed: applied late, and the cursor moves past everything.
    assert.deepEqual(applied(seq.accept(read([2, 4], { xmin: 52, xmax: 53 }))), [2, 4]);
    assert.equal(seq.position, 4);
    assert.equal(seq.waiting, false);
  });

  it('closes a gap once every transaction running when it was seen has ended without filling it', () => {
    const { seq } = sequencer();
    seq.accept(read([1, 4], { xmin: 40, xmax: 50 }));
    assert.deepEqual(seq.wanted().ranges, [[2, 3]]);
    // xmin 49: transaction 49 (older than the first read's xmax) may still hold 2 or 3.
    seq.accept(read([], { xmin: 49, xmax: 60 }));
    assert.equal(seq.position, 1);
    // Every transaction below 50 has ended and 2, 3 are not there: rolled back.
    const result = seq.accept(read([], { xmin: 50, xmax: 60 }));
    assert.equal(result.lost, false);
    assert.equal(seq.position, 4);
  });

  it('splits a gap that is filled in its middle', () => {
    const { seq } = sequencer();
    seq.accept(read([1, 6], { xmin: 10, xmax: 20 }));
    assert.deepEqual(applied(seq.accept(read([3], { xmin: 10, xmax: 20 }))), [3]);
    assert.deepEqual(seq.wanted().ranges, [[2, 2], [4, 5]]);
    seq.accept(read([2], { xmin: 10, xmax: 20 }));
    assert.equal(seq.position, 3);
  });

  it('gives up a gap held open too long, and says changes may be lost', () => {
    const { seq, clock } = sequencer();
    seq.accept(read([1, 3], { xmin: 40, xmax: 50 }));
    clock.now += GIVE_UP_MS - 1;
    assert.equal(seq.accept(read([], { xmin: 40, xmax: 50 })).lost, false);
    clock.now += 1;
    assert.equal(seq.accept(read([], { xmin: 40, xmax: 50 })).lost, true);
    assert.equal(seq.position, 3);
    assert.equal(seq.waiting, false);
  });

  it('says changes are lost when rows after the cursor were pruned before they were read', () => {
    const { seq } = sequencer(5);
    const result = seq.accept(read([9, 10], { xmin: 1, xmax: 2 }, 8));
    assert.equal(result.lost, true);
    assert.deepEqual(applied(result), [9, 10]);
    assert.equal(seq.position, 10);
  });

  it('does not count pruning below the cursor as a loss', () => {
    const { seq } = sequencer(5);
    assert.equal(seq.accept(read([6], { xmin: 1, xmax: 2 }, 3)).lost, false);
  });

  it('keeps at most maxGaps open gaps, giving up the oldest', () => {
    const { seq } = sequencer();
    const result = seq.accept(read([2, 4, 6, 8, 10], { xmin: 40, xmax: 50 }));
    assert.equal(result.lost, true);
    assert.deepEqual(seq.wanted().ranges, [[5, 5], [7, 7], [9, 9]]);
    assert.equal(seq.position, 4);
  });
});
