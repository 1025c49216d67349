/** Telemetry tables: their rows in the shop's store, and a registry that creates, lists and looks them up. */
import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
import type { Database } from '../store/schema';
import type { EventEngine } from './engine/engine';

export interface TelemetryTables {
  telemetry_tables: { name: string; ttl_days: number; created_at: number };
}

export interface TableInfo {
  name: string;
  /** Days an event is kept after its timestamp. */
  ttl: number;
}

/**
 * Tables only the shop itself writes (API timings, push outcomes): documents posted over HTTP to
 * them are refused, so no one can fake the shop's own measurements.
 */
export const INTERNAL_TABLES: ReadonlySet<string> = new Set(['server', 'push']);

/** Table names double as identifiers in the event engine, so they stay short and plain. */
export const TABLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Knows every table; answers from memory so ingestion never reads the store per request. */
export class TableRegistry {
  private readonly tables = new Map<string, TableInfo>();

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: EventEngine,
    private readonly now: () => number,
  ) {}

  static async open(db: Kysely<Database>, engine: EventEngine, now: () => number): Promise<TableRegistry> {
    const registry = new TableRegistry(db, engine, now);
    const rows = await db.selectFrom('telemetry_tables').select(['name', 'ttl_days']).execute();
    for (const row of rows) {
      registry.tables.set(row.name, { name: row.name, ttl: Number(row.ttl_days) });
      await engine.createTable(row.name);
    }
    return registry;
  }

  list(): TableInfo[] {
    return [...this.tables.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The table, or a 404 that names it. */
  get(name: string): TableInfo {
    const table = this.tables.get(name);
    if (!table) throw new AppError('telemetry-table-not-found', { table: name }, `No telemetry table is named "${name}".`);
    return table;
  }

  has(name: string): boolean {
    return this.tables.has(name);
  }

  async create(name: string, ttl: number): Promise<TableInfo> {
    if (this.tables.has(name)) throw new AppError('telemetry-table-exists', { table: name });
    await this.engine.createTable(name);
    await this.db
      .insertInto('telemetry_tables')
      .values({ name, ttl_days: ttl, created_at: this.now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const info = { name, ttl };
    this.tables.set(name, info);
    return info;
  }

  /** Creates the table unless it exists; for the shop's own tables at start-up. */
  async ensure(name: string, ttl: number): Promise<TableInfo> {
    return this.tables.get(name) ?? this.create(name, ttl);
  }

  /** Events older than this are expired for the table, by the injected clock. */
  cutoff(table: TableInfo): number {
    return this.now() - table.ttl * 86_400_000;
  }
}
