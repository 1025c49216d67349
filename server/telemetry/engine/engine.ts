/**
 * The event engine: where documents are stored and analytics SQL runs. DuckDB embedded by default,
 * PostgreSQL when the shop runs on PostgreSQL. Both speak the same SQL through `SqlDialect`.
 */
import type { Field } from '../fields';
import type { Column } from '../mapping/column';
import type { MappingRecord, TypedValues } from '../mapping/table-mapping';

/** A validated document, ready to store. */
export interface StoredDocument {
  id: string;
  timestamp: number;
  /** `data` serialised once at validation; stored as is. */
  json: string;
  /** `data` as parsed, for the typed columns. */
  data: Record<string, unknown>;
}

/** The pieces of SQL that differ between engines. */
export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres';
  /** FROM clause and the predicate that restricts it to one telemetry table. */
  source(table: string, param: (value: unknown) => string): { from: string; where: string | undefined };
  /**
   * The field's value as text (NULL when missing or null), read from its typed column when it has
   * one (the same text as the JSON gives, values of another type read from the JSON).
   */
  text(field: Field, column?: Column): string;
  /** The field's value as a double (NULL when missing or not numeric), from its column when it has one. */
  number(field: Field, column?: Column): string;
  /** Whether the field is present (not missing, not null): cheaper than `text(…) IS NOT NULL` on a column. */
  present(field: Field, column?: Column): string;
  /**
   * Whether `stats` with percentiles of whole numbers come from each distinct value's count
   * (`analytics/counted-stats.ts`): the same percentiles as `percentiles`, faster where that
   * gathers and selects among every value (DuckDB).
   */
  readonly countedPercentiles: boolean;
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
  /**
   * Stores documents (their ids already checked to be new) with their typed column values;
   * resolves once they are durable.
   */
  insert(table: string, documents: StoredDocument[], typed: TypedValues): Promise<{ stored: number }>;
  /** Ids of the table's events with `from <= ts < to`, to learn which ids a day holds. */
  ids(table: string, from: number, to: number): Promise<string[]>;
  /** The `data` of the table's latest events, to learn the mapping of a table stored before it had one. */
  sample(table: string, limit: number): Promise<Record<string, unknown>[]>;
  /** Every table's persisted mapping. */
  loadMappings(): Promise<Map<string, MappingRecord>>;
  saveMapping(table: string, record: MappingRecord): Promise<void>;
  /** Adds typed columns (empty for the rows already stored); unchanged when they exist. */
  addColumns(table: string, columns: Column[]): Promise<void>;
  /**
   * Gives every stored row its values for `columns`, read from the JSON as `insert` would have;
   * answers the names of the columns for which some row holds a value of another type.
   */
  fillColumns(table: string, columns: Column[]): Promise<{ mixed: string[] }>;
  /** Runs analytics SQL with `$n` parameters; numbers come back as JS numbers. */
  select(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Bytes the table's events take, roughly (their data as stored plus a per-row overhead). */
  tableBytes(table: string): Promise<number>;
  /** Removes a table's events older than `before` (ms): at least those of whole expired days. */
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

/** "The field has a value", the same on both engines: its column, its JSON text, or either while the column is mixed. */
export function presentSql(field: Field, column: Column | undefined, jsonText: (field: Extract<Field, { kind: 'data' }>) => string): string {
  if (field.kind === 'timestamp') return 'ts IS NOT NULL';
  if (!column) return `${jsonText(field)} IS NOT NULL`;
  const c = `${quoteSegment(column.name)} IS NOT NULL`;
  return column.mixed ? `(${c} OR ${jsonText(field)} IS NOT NULL)` : c;
}
