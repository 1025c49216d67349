/** What every opcode starts from: one table, its TTL window, and the request's filters, as SQL. */
import { AppError } from '../../errors/app-error';
import { Params, type EventEngine, type SqlDialect } from '../engine/engine';
import type { InFlight } from '../engine/in-flight';
import { parseField, type Field } from '../fields';
import { checkFilters, filtersToSql, timeSpanMs, type FieldSql, type Filter } from '../filters';
import type { Column } from '../mapping/column';
import type { TableRegistry } from '../tables';

/** Windows shorter than this gather their values for percentiles; longer ones count them (decisions/0022). */
const COUNTED_MIN_SPAN_MS = 6 * 3600_000;

export type ActionRequest = Record<string, unknown> & { opcode: string };
export type ActionResponse = Record<string, unknown> & { opcode: string };

/** Rows one statement may answer; more is refused rather than held in memory and sent. */
export const MAX_ROWS = 100_000;

export interface AnalyticsContext {
  engine: EventEngine;
  tables: TableRegistry;
  /** The typed column a table's path may be read from, if it has a ready one. */
  column(table: string, path: string): Column | undefined;
  /** Every typed column of a table (a stored document is its JSON plus their values). */
  columns(table: string): readonly Column[];
  /** Whether a table's numbers at a path are (almost) all whole, as its mapping has seen them. */
  wholeNumbers(table: string, path: string): boolean;
  /** Queries in flight (a column that turns mixed waits for those planned before). */
  readers: InFlight;
  /** The request's time (ms): `last` filters and TTL are relative to it. */
  now: number;
  /** Runs a nested request (multi_query, multi_time_query), one level deeper. */
  run(request: unknown): Promise<ActionResponse>;
  /** Counts one statement against the whole request's allowance; throws past it. */
  spend(): void;
}

export class Scope implements FieldSql {
  readonly params = new Params();
  readonly dialect: SqlDialect;
  readonly from: string;
  readonly where: string[] = [];
  readonly table: string;
  /** The shortest time span the request's filters hold it to (ms); undefined for the whole TTL window. */
  readonly spanMs: number | undefined;

  constructor(readonly ctx: AnalyticsContext, request: ActionRequest, extraFilters: Filter[] = []) {
    const table = ctx.tables.get(requireString(request, 'table'));
    this.table = table.name;
    this.dialect = ctx.engine.dialect;
    const source = this.dialect.source(table.name, this.params.add);
    this.from = source.from;
    if (source.where) this.where.push(source.where);
    // Expired events are never returned, even before the purge removes them.
    this.where.push(`ts >= ${this.params.add(this.dialect.time(ctx.tables.cutoff(table)))}`);
    const filters = [...checkFilters(request.filters), ...extraFilters];
    this.spanMs = timeSpanMs(filters, ctx.now);
    this.where.push(...filtersToSql(filters, this, this.params, ctx.now));
  }

  /** The field's typed column, when it has one every stored row has filled. */
  private column(field: Field): Column | undefined {
    return field.kind === 'data' ? this.ctx.column(this.table, field.path.join('.')) : undefined;
  }

  text(field: Field): string {
    return this.dialect.text(field, this.column(field));
  }

  number(field: Field): string {
    return this.dialect.number(field, this.column(field));
  }

  present(field: Field): string {
    return this.dialect.present(field, this.column(field));
  }

  /**
   * Whether stats with percentiles of the field are cheaper from each distinct value's count
   * (`counted-stats.ts`): on an engine whose exact percentiles gather every value, for a field
   * whose numbers are whole (so they repeat), over a window long enough to hold many events: over a
   * short one (the last hour) gathering its few values costs less than the counting statement.
   * The percentiles are the same either way.
   */
  countedStats(field: Field): boolean {
    if (this.spanMs !== undefined && this.spanMs < COUNTED_MIN_SPAN_MS) return false;
    return this.dialect.countedPercentiles && field.kind === 'data' && this.ctx.wholeNumbers(this.table, field.path.join('.'));
  }

  time(ms: number): unknown {
    return this.dialect.time(ms);
  }

  /** `FROM … WHERE …` with extra predicates. */
  body(extra: string[] = []): string {
    const where = [...this.where, ...extra];
    return `FROM ${this.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  }

  select(sql: string): Promise<Record<string, unknown>[]> {
    this.ctx.spend();
    return this.ctx.readers.track(this.ctx.engine.select(sql, this.params.values));
  }

  /** `select` for statements whose rows grow with the data (groups, buckets): at most `MAX_ROWS`, else `too-many-results`. */
  async selectCapped(sql: string): Promise<Record<string, unknown>[]> {
    const rows = await this.select(`${sql} LIMIT ${MAX_ROWS + 1}`);
    if (rows.length > MAX_ROWS) throw new AppError('too-many-results', { maxRows: MAX_ROWS });
    return rows;
  }
}

/**
 * Result rows whose grouping keys k0…k{count-1} are all present. Grouping queries keep events that
 * lack a key (they form a NULL group, dropped here) instead of filtering them out in SQL: such a
 * filter would extract every key from every event's JSON a second time.
 */
export function withKeys(rows: Record<string, unknown>[], count: number): Record<string, unknown>[] {
  if (count === 0) return rows;
  return rows.filter((row) => {
    for (let i = 0; i < count; i++) if (row[`k${i}`] === null || row[`k${i}`] === undefined) return false;
    return true;
  });
}

export function requireString(request: Record<string, unknown>, key: string): string {
  const value = request[key];
  if (typeof value !== 'string' || value.length === 0) throw new AppError('bad-request', { field: key }, `${key} is required.`);
  return value;
}

export function optionalField(request: Record<string, unknown>, key: string): Field | undefined {
  const value = request[key];
  return value === undefined || value === null || value === '' ? undefined : parseField(value);
}

export function fieldList(request: Record<string, unknown>, key: string, required: boolean): Field[] {
  const value = request[key];
  if (value === undefined || value === null) {
    if (required) throw new AppError('bad-request', { field: key }, `${key} is required.`);
    return [];
  }
  if (!Array.isArray(value) || (required && value.length === 0)) throw new AppError('bad-request', { field: key }, `${key} must be a list of fields.`);
  if (value.length > 10) throw new AppError('bad-request', { field: key }, `${key} holds at most 10 fields.`);
  return value.map((v) => parseField(v));
}

/** A non-negative integer option with a default and a ceiling. */
export function intOption(request: Record<string, unknown>, key: string, fallback: number, max: number): number {
  const value = request[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new AppError('bad-request', { field: key }, `${key} must be a non-negative integer.`);
  return Math.min(value, max);
}
