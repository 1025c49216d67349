/**
 * "Same id, stored once" without a unique index: a document's id is looked up among the ids its
 * table already holds for the same day (by the document's timestamp, UTC), kept in memory for the
 * days being written to. A day not in memory is read from the table once (the check against the
 * table), then kept; the least recently written days are let go beyond a few per table.
 *
 * Ids are unique per table and day, as in Foxtrot, whose daily indices hold each id once: the
 * shop's client stamps an event when it happens, so a resent event falls on the same day.
 * Ids in flight (being written) are held too; a repeat of one waits for that write, and counts as
 * a repeat only if it succeeded.
 */
import { IdSet } from './id-set';

export const DAY_MS = 86_400_000;
/** Days per table kept in memory. */
const MAX_DAYS = 4;

/** Reads the ids a table holds for `from <= ts < to`. */
export type LoadIds = (table: string, from: number, to: number) => Promise<string[]>;

interface Day {
  ids: Promise<IdSet>;
  /** The set once read. */
  set?: IdSet;
}

/** A batch admitted for writing: call `settle` with whether the write succeeded. */
export interface Admission<D> {
  fresh: D[];
  settle(ok: boolean): void;
}

/** A batch being written: its ids (by day) and the write's outcome. */
interface InFlightBatch {
  fresh: readonly { id: string; timestamp: number }[];
  outcome: Promise<boolean>;
  /** `day/id` of its documents, made only when another batch repeats one of its days' ids. */
  keys?: Set<string>;
}

export class RecentIds {
  private readonly days = new Map<string, Day>();
  /** Batches being written now, per table. */
  private readonly writing = new Map<string, Set<InFlightBatch>>();

  constructor(private readonly load: LoadIds) {}

  /**
   * The documents whose id their table does not hold for their day yet (the first of each id
   * within the batch), reserved until `settle` is called.
   */
  async admit<D extends { id: string; timestamp: number }>(table: string, documents: readonly D[]): Promise<Admission<D>> {
    const writing = this.writing.get(table) ?? new Set<InFlightBatch>();
    this.writing.set(table, writing);
    const fresh: D[] = [];
    let resolve!: (ok: boolean) => void;
    const self: InFlightBatch = { fresh, outcome: new Promise<boolean>((r) => (resolve = r)) };
    /** The set each day's ids were reserved in. */
    const used = new Map<number, IdSet>();
    let candidates = documents;
    while (candidates.length) {
      const sets = await this.setsFor(table, candidates);
      const waits: Promise<boolean>[] = [];
      const retry: D[] = [];
      // From here to the end of the loop body nothing awaits: checks and reservations are atomic.
      let lastDay = NaN;
      let ids: IdSet | undefined;
      for (const doc of candidates) {
        const day = dayOf(doc.timestamp);
        if (day !== lastDay) {
          lastDay = day;
          ids = sets.get(day)!;
          used.set(day, ids);
        }
        if (ids!.add(doc.id)) {
          fresh.push(doc);
          continue;
        }
        // Held already: stored, earlier in this batch, or being written by another batch.
        const other = this.writer(writing, day, doc.id);
        if (other && other !== self) {
          waits.push(other.outcome);
          retry.push(doc);
        }
      }
      writing.add(self);
      self.keys = undefined;
      // Repeats of ids being written by another batch count only if that write succeeds.
      const results = await Promise.all(waits);
      candidates = retry.filter((_, i) => !results[i]);
    }
    writing.add(self);
    let settled = false;
    return {
      fresh,
      settle: (ok) => {
        if (settled) return;
        settled = true;
        writing.delete(self);
        for (const [day, reserved] of used) {
          // The day may have been let go and read again meanwhile: update the set that holds it now.
          const current = this.days.get(dayKey(table, day));
          const update = (ids: IdSet) => {
            if (ok && ids === reserved) return;
            for (const doc of fresh) if (dayOf(doc.timestamp) === day) ok ? ids.add(doc.id) : ids.delete(doc.id);
          };
          // Synchronously when the set is read, so a repeat waiting on this write sees the outcome.
          if (current?.set) update(current.set);
          else if (current) void current.ids.then(update);
          else if (!ok) update(reserved);
        }
        resolve(ok);
      },
    };
  }

  /** The batch in flight writing this id for this day, if any. */
  private writer(writing: Set<InFlightBatch>, day: number, id: string): InFlightBatch | undefined {
    const key = `${day}/${id}`;
    for (const batch of writing) {
      batch.keys ??= new Set(batch.fresh.map((d) => `${dayOf(d.timestamp)}/${d.id}`));
      if (batch.keys.has(key)) return batch;
    }
    return undefined;
  }

  /** Forgets a table's days before `before` (their events were purged). */
  forget(table: string, before: number): void {
    for (const key of [...this.days.keys()]) {
      const [name, day] = splitKey(key);
      if (name === table && (day + 1) * DAY_MS <= before) this.days.delete(key);
    }
  }

  private async setsFor(table: string, documents: readonly { timestamp: number }[]): Promise<Map<number, IdSet>> {
    const days = new Set(documents.map((d) => dayOf(d.timestamp)));
    const sets = new Map<number, IdSet>();
    for (const day of days) sets.set(day, await this.day(table, day));
    return sets;
  }

  private day(table: string, day: number): Promise<IdSet> {
    const key = dayKey(table, day);
    let entry = this.days.get(key);
    if (entry) {
      // Most recently used last: the first entries are the ones to let go.
      this.days.delete(key);
      this.days.set(key, entry);
      return entry.ids;
    }
    const created: Day = {
      ids: this.load(table, day * DAY_MS, (day + 1) * DAY_MS).then((list) => {
        const set = new IdSet();
        for (const id of list) set.add(id);
        created.set = set;
        return set;
      }),
    };
    entry = created;
    const { ids } = entry;
    this.days.set(key, entry);
    ids.catch(() => this.days.delete(key));
    this.trim(table);
    return ids;
  }

  private trim(table: string): void {
    const mine = [...this.days.keys()].filter((key) => splitKey(key)[0] === table);
    for (const key of mine.slice(0, Math.max(0, mine.length - MAX_DAYS))) this.days.delete(key);
  }
}

const dayOf = (timestamp: number): number => Math.floor(timestamp / DAY_MS);
const dayKey = (table: string, day: number): string => `${table}/${day}`;

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('/');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
