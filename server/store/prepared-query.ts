/**
 * Hot queries built and compiled by Kysely once per dialect, then run again with new values.
 * Building a Kysely query and compiling it to SQL costs more CPU than SQLite takes to run a small
 * indexed statement; on the order path that was a sixth of the server's time. The query is written
 * once with Kysely as everywhere else (so it runs on both stores); named parameters stand in for
 * the values while it compiles, and each run puts the real values in their places. The SQLite
 * driver keeps the statement of the same SQL text prepared (sqlite-driver.ts). Kysely plugins run
 * when the query compiles, not per call: the shop's databases have none that keep per-query state.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema';
import { directConnection } from './sqlite-driver';

/** Stand-ins for a query's named values while it compiles (typed as the values, so the builder accepts them). */
export type Params<P> = { readonly [K in keyof P]: P[K] };

/** A query compiled once per dialect; run it on a database or a transaction. */
export type PreparedQuery<P, O> = (db: Kysely<Database>, values: P) => Promise<QueryResult<O>>;

interface Compiled<O> {
  compiled: CompiledQuery<O>;
  /** For each SQL parameter: the name of the value that goes there, or a constant of the query itself. */
  slots: Array<{ name: string } | { constant: unknown }>;
}

// A value no caller sends: a NUL can never reach a query through the shop's validated input.
const MARK = '\u0000param:';

/**
 * Prepares `build`. Every value the query takes must come from `p` (a value written into the query
 * itself stays a constant); lists must have a fixed length (prepare one query per length).
 */
export function preparedQuery<P extends Record<string, unknown>, O>(build: (db: Kysely<Database>, p: Params<P>) => Compilable<O>): PreparedQuery<P, O> {
  // Per dialect adapter class: a transaction shares its database's adapter, and SQL depends only on the dialect.
  const byDialect = new Map<unknown, Compiled<O>>();
  const markers = new Proxy({} as Params<P>, { get: (_target, name) => `${MARK}${String(name)}` });

  const compile = (db: Kysely<Database>): Compiled<O> => {
    const compiled = build(db, markers).compile();
    const slots = compiled.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { constant: value },
    );
    return { compiled, slots };
  };

  return async (db, values) => {
    const dialect = db.getExecutor().adapter.constructor;
    let entry = byDialect.get(dialect);
    if (!entry) byDialect.set(dialect, (entry = compile(db)));
    const parameters = entry.slots.map((slot) => {
      if ('constant' in slot) return slot.constant;
      const value = values[slot.name];
      if (value === undefined) throw new Error(`prepared query: no value for ${slot.name}`);
      return value;
    });
    return runCompiled<O>(db, { ...entry.compiled, parameters });
  };
}

/**
 * Runs a compiled query: on SQLite straight on the connection when it is the caller's to use (the
 * statement is what costs, not handing it over: see `directConnection`), otherwise as Kysely runs it.
 */
export function runCompiled<O>(db: Kysely<Database>, query: CompiledQuery<O>): Promise<QueryResult<O>> {
  const connection = directConnection(db);
  return connection ? connection.executeQuery<O>(query) : db.executeQuery<O>(query);
}

/** Affected rows of a write, as a number. */
export function affectedRows(result: QueryResult<unknown>): number {
  return Number(result.numAffectedRows ?? 0n);
}

/** The named stand-ins of `columns`, as an insert's row: `values(row(p, ['id', 'name']))`. */
export function row<P, K extends keyof P & string>(p: Params<P>, columns: readonly K[]): Pick<P, K> {
  return Object.fromEntries(columns.map((column) => [column, p[column]])) as Pick<P, K>;
}
