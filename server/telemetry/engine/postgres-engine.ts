/**
 * The PostgreSQL event engine: one `telemetry_events` table (jsonb data) keyed by table and id,
 * with a (table, ts) index so a time window reads only that window. Uses the shop's connection pool.
 * Analytics run in read-only transactions with a statement timeout, as a role that may read the
 * events and nothing else (not sessions, codes or accounts), made on start when the shop's user may.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error';
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

export interface PostgresEngineOptions {
  /** The role analytics run as, made when missing (the shop's user is used when that is not allowed). */
  role: string;
  queryTimeoutMs: number;
  logger: Logger;
  /** The shop's database, for the analytics connections (a small pool of their own). */
  connectionString: string;
  schema: string | undefined;
}

/** Analytics connections: few, so long queries never take the shop's own connections. */
const ANALYTICS_CONNECTIONS = 4;

/**
 * Makes `role` (no login) able to read `telemetry_events` and nothing else, and lets the shop's
 * user switch to it. False when the shop's user may not (no CREATEROLE): analytics then run as the
 * shop's user, still read-only and time-limited.
 */
async function prepareReaderRole(db: Kysely<Database>, role: string, logger: Logger): Promise<boolean> {
  const id = sql.id(role);
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`DO $$ BEGIN CREATE ROLE ${id} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`.execute(db);
      // Roles belong to the cluster, grants to this schema's objects: the role sees only what is granted.
      await sql`GRANT ${id} TO CURRENT_USER`.execute(db);
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
      await sql`GRANT USAGE ON SCHEMA ${sql.id(rows[0]!.schema)} TO ${id}`.execute(db);
      await sql`GRANT SELECT ON telemetry_events TO ${id}`.execute(db);
      return true;
    } catch (error) {
      // Two servers granting at once may collide ("tuple concurrently updated"): try again.
      if (attempt < 3 && (error as { code?: string }).code === 'XX000') continue;
      logger.warn({ err: error, role }, 'telemetry analytics run as the shop\'s database user (read-only, time-limited): set TELEMETRY_PG_ROLE to a role it may switch to');
      return false;
    }
  }
}

/** Creates the events table on first use; the table list itself is in the shop's migrations. */
export async function openPostgresEngine(db: Kysely<Database>, options: PostgresEngineOptions): Promise<EventEngine> {
  await sql`CREATE TABLE IF NOT EXISTS telemetry_events (tbl text NOT NULL, id text NOT NULL, ts bigint NOT NULL, data jsonb NOT NULL, PRIMARY KEY (tbl, id))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS telemetry_events_tbl_ts ON telemetry_events (tbl, ts)`.execute(db);
  const run = (text: string, params: unknown[]) => db.executeQuery(CompiledQuery.raw(text, params));
  const hasRole = await prepareReaderRole(db, options.role, options.logger);
  const analytics = new pg.Pool({
    connectionString: options.connectionString,
    max: ANALYTICS_CONNECTIONS,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Set up once per transaction, in one round trip (no parameters, so the simple protocol may carry three statements).
  const setup = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.floor(options.queryTimeoutMs)};${hasRole ? ` SET LOCAL ROLE "${options.role}";` : ''}`;

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
      const client = await analytics.connect();
      try {
        await client.query(setup);
        // The extended protocol runs exactly one statement: no `RESET ROLE; …` can ride along.
        const result = await client.query({ text, values: params, queryMode: 'extended' } as pg.QueryConfig);
        await client.query('COMMIT');
        return result.rows as Record<string, unknown>[];
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: string }).code === '57014') throw new AppError('query-timeout', { timeoutMs: options.queryTimeoutMs });
        throw error;
      } finally {
        client.release();
      }
    },
    async tableBytes(table) {
      const result = await run('SELECT coalesce(sum(pg_column_size(data) + length(id)), 0) + count(*) * 64 AS n FROM telemetry_events WHERE tbl = $1', [table]);
      return Number((result.rows[0] as { n?: unknown } | undefined)?.n ?? 0);
    },
    async purge(table, before) {
      await run('DELETE FROM telemetry_events WHERE tbl = $1 AND ts < $2', [table, Math.floor(before)]);
    },
    async close() {
      await analytics.end();
    },
  };
}
