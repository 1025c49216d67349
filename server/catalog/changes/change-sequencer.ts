/**
 * Which change rows to apply, in what order, and when a missing sequence number can be given up
 * (decisions/0018). Sequence numbers are taken when a row is inserted but become visible when its
 * transaction commits, so a read may see 12 while 11 is still uncommitted: 11 is a gap, not a loss.
 *
 * The cursor is the highest number below which every change is applied or known never to come.
 * A gap stays open until every transaction that could hold it has ended: the reads report their
 * snapshot's xmax (the first transaction id not yet started) and xmin (the oldest still running);
 * a gap first seen in a read with xmax X is closed once a later read's xmin is at least X and that
 * read still did not find it (rolled back, or a sequence value a crash skipped). A gap held open
 * longer than `giveUpAfterMs` (a transaction left open for minutes) is given up and reported as
 * `lost`: the caller then reloads everything, which covers whatever the gap would have said.
 * Pure: no I/O, the clock is injected.
 */

/** One read of the change table: the rows the sequencer asked for and the snapshot they were read in. */
export interface ChangeRead<Row extends { seq: number }> {
  rows: readonly Row[];
  /** pg_snapshot_xmin of the read's snapshot: the oldest transaction still running. */
  xmin: number;
  /** pg_snapshot_xmax of the read's snapshot: the first transaction id not yet assigned. */
  xmax: number;
  /** The highest sequence number pruning has removed. */
  pruned: number;
}

/** What a read brought. */
export interface Sequenced<Row> {
  /** New rows, in sequence order. */
  apply: Row[];
  /** Some changes may have been missed (pruned before they were read, or a gap given up): reload everything. */
  lost: boolean;
}

/** Sequence numbers first, last (inclusive) not seen yet, and when and in which snapshot they were first missed. */
interface Gap {
  from: number;
  to: number;
  xmax: number;
  since: number;
}

export interface SequencerOptions {
  /** Monotonic milliseconds. */
  now: () => number;
  /** How long a gap may stay open before it is given up. */
  giveUpAfterMs: number;
  /** Open gaps kept at most; past that the oldest are given up (each read asks for every one). */
  maxGaps?: number;
}

const DEFAULT_MAX_GAPS = 100;

/** Follows one change table's sequence numbers from `start` (every change up to it is already applied). */
export class ChangeSequencer {
  private cursor: number;
  private high: number;
  private readonly applied = new Set<number>();
  /** Sorted by `from`, disjoint, all within (cursor, high]. */
  private gaps: Gap[] = [];

  constructor(start: number, private readonly options: SequencerOptions) {
    this.cursor = start;
    this.high = start;
  }

  /** Every change up to this number is applied or known never to come. */
  get position(): number {
    return this.cursor;
  }

  /** The highest sequence number applied. */
  get highest(): number {
    return this.high;
  }

  /** Whether some numbers below the highest are still awaited. */
  get waiting(): boolean {
    return this.gaps.length > 0;
  }

  /** What the next read asks for: every row after `after`, and the rows in `ranges` (the open gaps). */
  wanted(): { after: number; ranges: Array<[number, number]> } {
    return { after: this.high, ranges: this.gaps.map((gap) => [gap.from, gap.to]) };
  }

  /** Takes in a read made for `wanted()`: says which rows are new, and moves the cursor. */
  accept<Row extends { seq: number }>(read: ChangeRead<Row>): Sequenced<Row> {
    const now = this.options.now();
    let lost = false;
    if (read.pruned > this.cursor) {
      // Rows after the cursor were pruned before this node read them.
      lost = true;
      this.cursor = read.pruned;
      this.high = Math.max(this.high, read.pruned);
      this.gaps = this.gaps.flatMap((gap) => (gap.to <= read.pruned ? [] : [{ ...gap, from: Math.max(gap.from, read.pruned + 1) }]));
    }
    const apply: Row[] = [];
    for (const row of [...read.rows].sort((a, b) => a.seq - b.seq)) {
      if (row.seq <= this.cursor || this.applied.has(row.seq)) continue;
      if (row.seq > this.high) {
        if (row.seq > this.high + 1) this.gaps.push({ from: this.high + 1, to: row.seq - 1, xmax: read.xmax, since: now });
        this.high = row.seq;
      } else if (!this.fill(row.seq)) {
        continue; // neither new nor awaited: already applied before the cursor moved past it
      }
      this.applied.add(row.seq);
      apply.push(row);
    }
    this.gaps = this.gaps.filter((gap) => {
      // Every transaction that could hold these numbers has ended, and this read did not find them.
      if (read.xmin >= gap.xmax) return false;
      if (now - gap.since >= this.options.giveUpAfterMs) {
        lost = true;
        return false;
      }
      return true;
    });
    const maxGaps = this.options.maxGaps ?? DEFAULT_MAX_GAPS;
    if (this.gaps.length > maxGaps) {
      lost = true;
      this.gaps = this.gaps.slice(this.gaps.length - maxGaps);
    }
    this.cursor = this.gaps.length > 0 ? this.gaps[0]!.from - 1 : this.high;
    for (const seq of this.applied) if (seq <= this.cursor) this.applied.delete(seq);
    return { apply, lost };
  }

  /** Removes `seq` from the gap holding it; false when no gap does. */
  private fill(seq: number): boolean {
    const index = this.gaps.findIndex((gap) => gap.from <= seq && seq <= gap.to);
    if (index < 0) return false;
    const gap = this.gaps[index]!;
    const parts = [
      ...(gap.from < seq ? [{ ...gap, to: seq - 1 }] : []),
      ...(seq < gap.to ? [{ ...gap, from: seq + 1 }] : []),
    ];
    this.gaps.splice(index, 1, ...parts);
    return true;
  }
}
