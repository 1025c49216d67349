/**
 * Daily range partitions of a PostgreSQL events table, made when the first event of a day comes
 * and dropped whole once the day has expired (the TTL drops a partition, it deletes no rows).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../store/schema';
import { DAY_MS } from '../ids/recent-ids';

/** `_p20261130`: the day a partition holds, in its name. */
const partitionName = (parent: string, day: number): string => `${parent}_p${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`;

/** Errors another server creating the same partition at the same moment may give: it exists now. */
const ALREADY_THERE = new Set(['42P07', '23505', '42P17']);

/** Rows after which a partition's planner statistics are refreshed (then at 10 and 100 times as many). */
const ANALYZE_AT = 10_000;

export class Partitions {
  /** Days with a partition, per parent table. */
  private readonly days = new Map<string, Set<number>>();
  /** Rows written per partition by this server, and the count at which to analyze it next. */
  private readonly written = new Map<string, { rows: number; next: number }>();
  /** One creation at a time per parent, so two requests do not race each other. */
  private readonly creating = new Map<string, Promise<void>>();

  constructor(private readonly db: Kysely<Database>) {}

  private run(sql: string, params: unknown[] = []) {
    return this.db.executeQuery(CompiledQuery.raw(sql, params));
  }

  /** Reads which days already have a partition. */
  async load(parent: string): Promise<void> {
    const { rows } = await this.run(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       WHERE p.relname = $1 AND p.relnamespace = to_regnamespace(current_schema())::oid`,
      [parent],
    );
    const days = this.days.get(parent) ?? new Set<number>();
    this.days.set(parent, days);
    for (const { name } of rows as { name: string }[]) {
      const match = /_p(\d{4})(\d{2})(\d{2})$/.exec(name);
      if (match) days.add(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
    }
  }

  /** Makes sure every day of `timestamps` has its partition. */
  async ensure(parent: string, timestamps: Iterable<number>): Promise<void> {
    const known = this.days.get(parent) ?? new Set<number>();
    this.days.set(parent, known);
    const missing = new Set<number>();
    for (const ts of timestamps) {
      const day = Math.floor(ts / DAY_MS);
      if (!known.has(day)) missing.add(day);
    }
    if (missing.size === 0) return;
    const previous = this.creating.get(parent) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (const day of missing) {
        if (known.has(day)) continue;
        try {
          await this.run(
            `CREATE TABLE IF NOT EXISTS "${partitionName(parent, day)}" PARTITION OF "${parent}" FOR VALUES FROM (${day * DAY_MS}) TO (${(day + 1) * DAY_MS})`,
          );
        } catch (error) {
          if (!ALREADY_THERE.has((error as { code?: string }).code ?? '')) throw error;
        }
        known.add(day);
      }
    });
    this.creating.set(parent, next.catch(() => undefined));
    await next;
  }

  /**
   * Counts rows written; answers the partitions that just grew past a threshold and should have
   * their statistics refreshed. PostgreSQL's autovacuum gets to a new partition only after a
   * minute or so, and never analyzes the partitioned table: until then a whole-week query is
   * planned as if each day held a few dozen rows.
   */
  wrote(parent: string, timestamps: readonly number[]): string[] {
    const due: string[] = [];
    const byDay = new Map<number, number>();
    for (const ts of timestamps) {
      const day = Math.floor(ts / DAY_MS);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    for (const [day, rows] of byDay) {
      const name = partitionName(parent, day);
      const entry = this.written.get(name) ?? { rows: 0, next: ANALYZE_AT };
      entry.rows += rows;
      if (entry.rows >= entry.next) {
        entry.next *= 10;
        due.push(name);
      }
      this.written.set(name, entry);
    }
    return due;
  }

  /** Drops the partitions of days that end at or before `before`; answers the days dropped. */
  async dropBefore(parent: string, before: number): Promise<number[]> {
    // Other servers may have made partitions since: read them again.
    await this.load(parent);
    const known = this.days.get(parent)!;
    const dropped: number[] = [];
    for (const day of [...known].sort((a, b) => a - b)) {
      if ((day + 1) * DAY_MS > before) continue;
      await this.run(`DROP TABLE IF EXISTS "${partitionName(parent, day)}"`);
      this.written.delete(partitionName(parent, day));
      known.delete(day);
      dropped.push(day);
    }
    return dropped;
  }
}
