/**
 * The event engine: where documents are stored and analytics SQL runs. DuckDB embedded by default,
 * PostgreSQL when the shop runs on PostgreSQL. Both speak the same SQL through `SqlDialect`.
 */
import type { Field } from '../fields';

/** A validated document, ready to store. */
export interface StoredDocument {
  id: string;
  timestamp: number;
  /** `data` serialised once at validation; stored as is. */
  json: string;
}

/** The pieces of SQL that differ between engines. */
export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres';
  /** FROM clause and the predicate that restricts it to one telemetry table. */
  source(table: string, param: (value: unknown) => string): { from: string; where: string | undefined };
  /** The field's value as text (NULL when missing or null). */
  text(field: Field): string;
  /** The field's value as a double (NULL when missing or not numeric). */
  number(field: Field): string;
  /** A list of percentiles (fractions 0..1) of `expr` as one array value. */
  percentiles(expr: string, fractions: number[]): string;
  /** A millisecond time as a parameter value that compares with `ts` without a cast. */
  time(ms: number): unknown;
  /**
   * Appended to a subquery whose columns must be computed once per row rather than folded into
   * every expression of the query around it ('' where the engine shares them by itself).
   */
  readonly fence: string;
}

export interface EventEngine {
  readonly dialect: SqlDialect;
  createTable(table: string): Promise<void>;
  /** Stores documents whose id the table does not have yet; resolves once they are durable. */
  insert(table: string, documents: StoredDocument[]): Promise<{ stored: number }>;
  /** Runs analytics SQL with `$n` parameters; numbers come back as JS numbers. */
  select(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Bytes the table's events take, roughly (their data as stored plus a per-row overhead). */
  tableBytes(table: string): Promise<number>;
  /** Deletes a table's events older than `before` (ms). */
  purge(table: string, before: number): Promise<void>;
  close(): Promise<void>;
}

/** Collects `$n` parameters while SQL is built. */
export class Params {
  readonly values: unknown[] = [];
  readonly add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/** Quotes a JSON path segment for DuckDB or PostgreSQL; segments are pre-checked to hold no quotes. */
export function quoteSegment(segment: string): string {
  return `"${segment}"`;
}
