/**
 * The PostgreSQL event engine: one `telemetry_events` table (jsonb data) keyed by table and id,
 * with a (table, ts) index so a time window reads only that window. Uses the shop's connection pool.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Field } from '../fields';
import type { Database } from '../../store/schema';
import { quoteSegment, type EventEngine, type SqlDialect } from './engine';

const NUMERIC = `'^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'`;

const jsonPath = (field: Extract<Field, { kind: 'data' }>): string => `'{${field.path.map(quoteSegment).join(',')}}'`;

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  source: (table, param) => ({ from: 'telemetry_events', where: `tbl = ${param(table)}` }),
  text: (field) => (field.kind === 'timestamp' ? 'CAST(ts AS text)' : `(data #>> ${jsonPath(field)})`),
  number: (field) => {
    if (field.kind === 'timestamp') return 'ts';
    const text = `(data #>> ${jsonPath(field)})`;
    // Matches DuckDB's TRY_CAST: numbers and numeric strings count, anything else is NULL.
    return `(CASE WHEN ${text} ~ ${NUMERIC} THEN CAST(${text} AS double precision) END)`;
  },
  percentiles: (expr, fractions) => `percentile_cont(ARRAY[${fractions.join(', ')}]::double precision[]) WITHIN GROUP (ORDER BY ${expr})`,
  time: (ms) => Math.floor(ms),
  // OFFSET 0 keeps the planner from pulling a subquery up into the aggregates that read it.
  fence: ' OFFSET 0',
};

/** Creates the events table on first use; the table list itself is in the shop's migrations. */
export async function openPostgresEngine(db: Kysely<Database>): Promise<EventEngine> {
  await sql`CREATE TABLE IF NOT EXISTS telemetry_events (tbl text NOT NULL, id text NOT NULL, ts bigint NOT NULL, data jsonb NOT NULL, PRIMARY KEY (tbl, id))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS telemetry_events_tbl_ts ON telemetry_events (tbl, ts)`.execute(db);
  const run = (text: string, params: unknown[]) => db.executeQuery(CompiledQuery.raw(text, params));

  return {
    dialect: postgresDialect,
    async createTable() {},
    async insert(table, documents) {
      if (documents.length === 0) return { stored: 0 };
      const result = await run(
        `INSERT INTO telemetry_events (tbl, id, ts, data)
         SELECT $1, d.id, d.ts, d.data::jsonb FROM unnest($2::text[], $3::bigint[], $4::text[]) AS d(id, ts, data)
         ON CONFLICT (tbl, id) DO NOTHING`,
        [table, documents.map((d) => d.id), documents.map((d) => d.timestamp), documents.map((d) => d.json)],
      );
      return { stored: Number(result.numAffectedRows ?? 0) };
    },
    async select(text, params) {
      const result = await run(text, params);
      return result.rows as Record<string, unknown>[];
    },
    async purge(table, before) {
      await run('DELETE FROM telemetry_events WHERE tbl = $1 AND ts < $2', [table, Math.floor(before)]);
    },
    async close() {},
  };
}
