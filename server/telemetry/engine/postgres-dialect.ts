/**
 * PostgreSQL's SQL for telemetry: one partitioned table per telemetry table, jsonb paths, and typed
 * columns read so that they answer exactly what the jsonb would (`text`, `number`, `present`),
 * filled from the jsonb (`postgresColumnFromJson`) as ingestion fills them for new rows.
 */
import crypto from 'node:crypto';
import type { Field } from '../fields';
import type { Column, ColumnType } from '../mapping/column';
import { presentSql, quoteSegment, type SqlDialect } from './engine';

/** What DuckDB's TRY_CAST accepts as a number, so both engines read numeric strings alike. */
const NUMERIC = `'^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'`;

/**
 * The events table of a telemetry table. Identifiers stop at 63 bytes and a partition adds 10
 * (`_p20261130`): a long name keeps its start and a hash of the whole.
 */
export function pgTable(table: string): string {
  if (table.length <= 44) return `tev_${table}`;
  return `tev_${table.slice(0, 35)}_${crypto.createHash('sha1').update(table).digest('hex').slice(0, 8)}`;
}

const jsonPathOf = (segments: string[]): string => `'{${segments.map(quoteSegment).join(',')}}'`;
const jsonText = (field: Extract<Field, { kind: 'data' }>): string => `(data #>> ${jsonPathOf(field.path)})`;
const jsonNumber = (field: Extract<Field, { kind: 'data' }>): string => `(CASE WHEN ${jsonText(field)} ~ ${NUMERIC} THEN CAST(${jsonText(field)} AS double precision) END)`;
const orJson = (column: Column, own: string, json: string): string => (column.mixed ? `(CASE WHEN ${quoteSegment(column.name)} IS NOT NULL THEN ${own} ELSE ${json} END)` : own);

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  source: (table) => ({ from: `"${pgTable(table)}"`, where: undefined }),
  text(field, column) {
    if (field.kind === 'timestamp') return 'CAST(ts AS text)';
    if (!column) return jsonText(field);
    const c = quoteSegment(column.name);
    if (column.type === 'DOUBLE') {
      // Integers and plain decimals from the column (float8 prints them as jsonb prints the number);
      // the rare very large or very small ones, which the two print differently, from the jsonb.
      const whenNull = column.mixed ? jsonText(field) : 'NULL';
      return `(CASE WHEN ${c} IS NULL THEN ${whenNull} WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS bigint) AS text) WHEN abs(${c}) >= 1e-4 AND abs(${c}) < 1e15 THEN CAST(${c} AS text) ELSE ${jsonText(field)} END)`;
    }
    return orJson(column, column.type === 'VARCHAR' ? c : `CAST(${c} AS text)`, jsonText(field));
  },
  number(field, column) {
    if (field.kind === 'timestamp') return 'ts';
    if (!column) return jsonNumber(field);
    const c = quoteSegment(column.name);
    const own = column.type === 'DOUBLE' ? c : column.type === 'VARCHAR' ? `(CASE WHEN ${c} ~ ${NUMERIC} THEN CAST(${c} AS double precision) END)` : 'CAST(NULL AS double precision)';
    return orJson(column, own, jsonNumber(field));
  },
  present: (field, column) => presentSql(field, column, jsonText),
  // Not measured faster here: percentile_cont sorts in one pass, and the week-long stats have no target on PostgreSQL.
  countedPercentiles: false,
  percentiles: (expr, fractions) => `percentile_cont(ARRAY[${fractions.join(', ')}]::double precision[]) WITHIN GROUP (ORDER BY ${expr})`,
  time: (ms) => Math.floor(ms),
  // OFFSET 0 keeps the planner from pulling a subquery up into the aggregates that read it.
  fence: ' OFFSET 0',
};

export const PG_TYPES: Record<ColumnType, string> = { VARCHAR: 'text', DOUBLE: 'double precision', BOOLEAN: 'boolean' };
const JSONB_TYPES: Record<ColumnType, string> = { VARCHAR: 'string', DOUBLE: 'number', BOOLEAN: 'boolean' };

/** A column's value computed from the row's `data` (on insert and when filled): its type's values only. */
export function postgresColumnFromJson(column: Column, data = 'data'): string {
  const path = jsonPathOf(column.path.split('.'));
  const value = { VARCHAR: `${data} #>> ${path}`, DOUBLE: `CAST(${data} #>> ${path} AS double precision)`, BOOLEAN: `CAST(${data} #> ${path} AS boolean)` }[column.type];
  return `CASE WHEN jsonb_typeof(${data} #> ${path}) = '${JSONB_TYPES[column.type]}' THEN ${value} END`;
}

/** Whether a row's `data` holds a value of another type than the column's at its path. */
export function postgresOtherType(column: Column): string {
  return `coalesce(jsonb_typeof(data #> ${jsonPathOf(column.path.split('.'))}) NOT IN ('null', '${JSONB_TYPES[column.type]}'), false)`;
}
