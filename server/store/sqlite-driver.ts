/**
 * Kysely's SQLite dialect with a driver tuned for a busy server: prepared statements are cached
 * (Kysely's own driver prepares every query again), callers waiting for the one connection are
 * served first come, first served (Kysely's own mutex wakes every waiter on each hand-over, which
 * costs O(waiters) per query and lets latecomers overtake), and transactions begin IMMEDIATE, so a
 * transaction that reads and then writes waits for another process's write lock (busy_timeout)
 * rather than failing on it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type DialectAdapter, type Driver, type Kysely, type QueryResult } from 'kysely';

/** Distinct SQL texts kept prepared; `IN (…)` lists of every length are distinct texts, so it is bounded. */
const CACHED_STATEMENTS = 500;

/** The driver of each store opened with this dialect, by the adapter its Kysely instance and transactions share. */
const driverOfAdapter = new WeakMap<DialectAdapter, SqliteStoreDriver>();

/** The dialect for a better-sqlite3 database. */
export class SqliteStoreDialect extends SqliteDialect {
  private readonly driver: SqliteStoreDriver;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.driver = new SqliteStoreDriver(database);
  }

  override createDriver(): Driver {
    return this.driver;
  }

  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    driverOfAdapter.set(adapter, this.driver);
    return adapter;
  }
}

/**
 * The connection to run a compiled query on directly, when `db` is a store of this dialect (and
 * has no plugins to apply): inside a transaction, the connection it holds; outside one, the
 * connection while nobody holds it. Otherwise undefined, and the query goes through Kysely's
 * executor (PostgreSQL; or waiting in turn for a transaction that holds the connection).
 * A store has one connection and its statements run synchronously, so nothing interleaves with
 * them: the query runs exactly where the executor would have run it, without its connection
 * hand-over and three promises per statement (decisions/0037), 13 of them per order.
 * Never keep a transaction past its end (as with any Kysely transaction).
 */
export function directConnection(db: Kysely<any>): DatabaseConnection | undefined {
  const executor = db.getExecutor();
  if (executor.plugins.length > 0) return undefined;
  const driver = driverOfAdapter.get(executor.adapter);
  if (driver === undefined) return undefined;
  return db.isTransaction || !driver.isHeld() ? driver.connection : undefined;
}

class SqliteStoreDriver implements Driver {
  readonly connection: StatementCachingConnection;
  private readonly queue: Array<() => void> = [];
  private held = false;

  constructor(private readonly database: BetterSqlite3.Database) {
    this.connection = new StatementCachingConnection(database);
  }

  /** Whether a caller (a transaction, or a query in progress) has the connection. */
  isHeld(): boolean {
    return this.held;
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.connection);
    }
    return new Promise((resolve) => this.queue.push(() => resolve(this.connection)));
  }

  async releaseConnection(): Promise<void> {
    // Hand the connection straight to the longest waiter; it stays held in between.
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.database.close();
  }
}

class StatementCachingConnection implements DatabaseConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly database: BetterSqlite3.Database) {}

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the first entry is the one to evict.
      this.statements.delete(sql);
    } else {
      statement = this.database.prepare(sql);
      if (this.statements.size >= CACHED_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the shop does not stream SQLite queries');
  }
}
