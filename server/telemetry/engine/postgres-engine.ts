/**
 * The PostgreSQL event engine: one table per telemetry table (`tev_<name>`), partitioned by day on
 * the event time so that a time window reads only its days and the TTL drops whole days, with a
 * `ts` index per partition and typed columns (filled from the jsonb on insert) for mapped paths.
 * No unique index: ingestion knows which ids are new (`ids/recent-ids.ts`).
 * Analytics run in read-only transactions with a statement timeout, as a role that may read the
 * events and nothing else (not sessions, codes or accounts), made on start when the shop's user may.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error';
import type { Column } from '../mapping/column';
import type { MappingRecord } from '../mapping/table-mapping';
import type { Database } from '../../store/schema';
import type { EventEngine } from './engine';
import { slices } from './fill-slices';
import { PG_TYPES, pgTable, postgresColumnFromJson, postgresDialect, postgresOtherType } from './postgres-dialect';
import { Partitions } from './postgres-partitions';
import { copyIn, copyRows } from './postgres-copy';
import { CopyQueue } from './postgres-copy-queue';

export { postgresDialect } from './postgres-dialect';

const HOUR = 3_600_000;
/** Rows one fill statement updates at most. */
const FILL_ROWS = 100_000;

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
/** Ingestion's connections (a COPY holds one; one COPY at a time per table and column list): its own, beside the shop's and analytics'. */
const INGEST_CONNECTIONS = 4;

/**
 * Makes `role` (no login) able to read the events tables and nothing else, and lets the shop's
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
      // Each events table is granted to it when made (`createTable`).
      return true;
    } catch (error) {
      // Two servers granting at once may collide ("tuple concurrently updated"): try again.
      if (attempt < 3 && (error as { code?: string }).code === 'XX000') continue;
      logger.warn({ err: error, role }, 'telemetry analytics run as the shop\'s database user (read-only, time-limited): set TELEMETRY_PG_ROLE to a role it may switch to');
      return false;
    }
  }
}

/**
 * Before this layout every event was in one `telemetry_events (tbl, id, ts, data)` table: its
 * events move to their table's partitions once (one server at a time), then it is dropped.
 */
async function moveOldEvents(db: Kysely<Database>, createTable: (table: string) => Promise<void>, partitions: Partitions): Promise<void> {
  const exists = await sql<{ r: string | null }>`SELECT to_regclass('telemetry_events')::text AS r`.execute(db);
  if (!exists.rows[0]?.r) return;
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('telemetry_events: move to partitions'))`.execute(trx);
    const still = await sql<{ r: string | null }>`SELECT to_regclass('telemetry_events')::text AS r`.execute(trx);
    if (!still.rows[0]?.r) return;
    const tables = await sql<{ tbl: string }>`SELECT DISTINCT tbl FROM telemetry_events`.execute(trx);
    for (const { tbl } of tables.rows) {
      await createTable(tbl);
      const days = await sql<{ day: string }>`SELECT DISTINCT ts / 86400000 AS day FROM telemetry_events WHERE tbl = ${tbl}`.execute(trx);
      await partitions.ensure(pgTable(tbl), days.rows.map((d) => Number(d.day) * 86_400_000));
      await trx.executeQuery(CompiledQuery.raw(`INSERT INTO "${pgTable(tbl)}" (id, ts, data) SELECT id, ts, data FROM telemetry_events WHERE tbl = $1`, [tbl]));
    }
    await sql`DROP TABLE telemetry_events`.execute(trx);
  });
}

/** Opens the engine on the shop's database: events tables are made per telemetry table (`createTable`). */
export async function openPostgresEngine(db: Kysely<Database>, options: PostgresEngineOptions): Promise<EventEngine> {
  const run = (text: string, params: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, params));
  await run('CREATE TABLE IF NOT EXISTS telemetry_mappings (tbl text PRIMARY KEY, mapping text NOT NULL)');
  const hasRole = await prepareReaderRole(db, options.role, options.logger);
  const partitions = new Partitions(db);
  const connection = { connectionString: options.connectionString, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) };
  const ingest = new pg.Pool({ ...connection, max: INGEST_CONNECTIONS });
  const copies = new CopyQueue(async (target, text) => {
    const client = await ingest.connect();
    try {
      return await copyIn(client, target, text);
    } finally {
      client.release();
    }
  });
  // Set up once per transaction, in one round trip (no parameters, so the simple protocol may carry three statements).
  const setup = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.floor(options.queryTimeoutMs)};${hasRole ? ` SET LOCAL ROLE "${options.role}";` : ''}`;
  const analytics = new pg.Pool({ ...connection, max: ANALYTICS_CONNECTIONS });
  // An idle connection the server dropped is replaced at the next use; unheard, the pool's error would end the process.
  for (const [name, pool] of [['ingest', ingest], ['analytics', analytics]] as const) {
    pool.on('error', (err) => options.logger.warn({ err, pool: name }, 'telemetry: an idle PostgreSQL connection failed'));
  }
  const select = async (text: string, params: unknown[]): Promise<Record<string, unknown>[]> => {
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
  };

  const createTable = async (table: string) => {
    const parent = pgTable(table);
    await run(`CREATE TABLE IF NOT EXISTS "${parent}" (id text COLLATE "C" NOT NULL, ts bigint NOT NULL, data jsonb NOT NULL) PARTITION BY RANGE (ts)`);
    // One index on the parent is one per partition, made with each partition.
    await run(`CREATE INDEX IF NOT EXISTS "${parent}_ts" ON "${parent}" (ts)`);
    if (hasRole) await run(`GRANT SELECT ON "${parent}" TO "${options.role}"`);
    await partitions.load(parent);
  };
  await moveOldEvents(db, createTable, partitions);

  return {
    dialect: postgresDialect,
    createTable,
    async insert(table, documents, typed) {
      if (documents.length === 0) return { stored: 0 };
      const parent = pgTable(table);
      await partitions.ensure(parent, documents.map((d) => d.timestamp));
      // COPY, PostgreSQL's bulk path (a third of the CPU an INSERT … SELECT costs it); batches that
      // arrive while one runs go in together (`postgres-copy-queue.ts`).
      const names = typed.columns.map((c) => `, "${c.name}"`).join('');
      const stored = await copies.copy(`"${parent}" (id, ts, data${names})`, { text: copyRows(documents, typed.json, typed.values), rows: documents.length });
      for (const partition of partitions.wrote(parent, documents.map((d) => d.timestamp))) {
        // In the background: the answer to this request does not wait for the statistics.
        run(`ANALYZE "${partition}"`).catch((err) => options.logger.warn({ err, partition }, 'telemetry: partition statistics not refreshed'));
      }
      return { stored };
    },
    select,
    async ids(table, from, to) {
      const { rows } = await run(`SELECT id FROM "${pgTable(table)}" WHERE ts >= $1 AND ts < $2`, [from, to]);
      return (rows as { id: string }[]).map((r) => r.id);
    },
    async sample(table, limit) {
      const { rows } = await run(`SELECT data FROM "${pgTable(table)}" ORDER BY ts DESC LIMIT ${Math.floor(limit)}`);
      return (rows as { data: Record<string, unknown> }[]).map((r) => r.data);
    },
    async loadMappings() {
      const { rows } = await run('SELECT tbl, mapping FROM telemetry_mappings');
      return new Map((rows as { tbl: string; mapping: string }[]).map((r) => [r.tbl, JSON.parse(r.mapping) as MappingRecord]));
    },
    async saveMapping(table, record) {
      await run('INSERT INTO telemetry_mappings (tbl, mapping) VALUES ($1, $2) ON CONFLICT (tbl) DO UPDATE SET mapping = EXCLUDED.mapping', [table, JSON.stringify(record)]);
    },
    async addColumns(table, columns) {
      for (const column of columns) await run(`ALTER TABLE "${pgTable(table)}" ADD COLUMN IF NOT EXISTS "${column.name}" ${PG_TYPES[column.type]}`);
    },
    async fillColumns(table, columns: Column[]) {
      const parent = pgTable(table);
      // Rows stored since the columns exist carry their values; those from before have none yet.
      const unfilled = columns.map((c) => `"${c.name}" IS NULL`).join(' AND ');
      const { rows: hours } = await run(`SELECT ts / ${HOUR} AS h, count(*) AS n FROM "${parent}" WHERE ${unfilled} GROUP BY 1 ORDER BY 1`);
      const sets = columns.map((c) => `"${c.name}" = ${postgresColumnFromJson(c)}`).join(', ');
      const checks = columns.map((c, i) => `bool_or(${postgresOtherType(c)}) AS m${i}`).join(', ');
      const mixed = new Set<string>();
      for (const { from, to } of slices(hours as Record<string, unknown>[], HOUR, FILL_ROWS)) {
        const { rows } = await run(`SELECT ${checks} FROM "${parent}" WHERE ts >= $1 AND ts < $2 AND ${unfilled}`, [from, to]);
        columns.forEach((c, i) => (rows[0] as Record<string, unknown> | undefined)?.[`m${i}`] === true && mixed.add(c.name));
        await run(`UPDATE "${parent}" SET ${sets} WHERE ts >= $1 AND ts < $2 AND ${unfilled}`, [from, to]);
      }
      return { mixed: [...mixed] };
    },
    async tableBytes(table) {
      const result = await run(`SELECT coalesce(sum(pg_column_size(data) + length(id)), 0) + count(*) * 64 AS n FROM "${pgTable(table)}"`);
      return Number((result.rows[0] as { n?: unknown } | undefined)?.n ?? 0);
    },
    async purge(table, before) {
      const parent = pgTable(table);
      const dropped = await partitions.dropBefore(parent, before);
      // Once a day, as days expire: the parent's own statistics, which PostgreSQL never gathers by itself.
      if (dropped.length) await run(`ANALYZE "${parent}"`);
    },
    async close() {
      // Batches already queued for a COPY are written (and answered) before the connections go.
      await copies.idle();
      await Promise.all([analytics.end(), ingest.end()]);
    },
  };
}
