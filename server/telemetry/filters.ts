/**
 * Foxtrot filters to SQL predicates. Every filter is ANDed, as in Foxtrot. Values compare as numbers
 * when the filter's value is a number and as text otherwise, the way Foxtrot's clients send them.
 */
import { AppError } from '../errors/app-error';
import { shown } from '../http/shown-value';
import { parseDuration } from './duration';
import type { Params } from './engine/engine';
import { parseField, TIMESTAMP_FIELD, type Field } from './fields';

/** SQL for a field of the table being queried: from its typed column when it has one, else from the JSON. */
export interface FieldSql {
  text(field: Field): string;
  number(field: Field): string;
  /** The field is present (neither missing nor null). */
  present(field: Field): string;
  /** A millisecond time as a parameter that compares with `ts`. */
  time(ms: number): unknown;
}

export interface Filter {
  operator: string;
  field?: string;
  value?: unknown;
  values?: unknown[];
  from?: unknown;
  to?: unknown;
  duration?: unknown;
  currentTime?: number;
}

export const OPERATORS = [
  'equals', 'not_equals', 'contains', 'wildcard', 'less_than', 'less_equal', 'greater_than', 'greater_equal',
  'between', 'in', 'not_in', 'exists', 'missing', 'any', 'last',
] as const;

const COMPARISONS: Record<string, string> = { less_than: '<', less_equal: '<=', greater_than: '>', greater_equal: '>=' };

/** The time window a `last` filter stands for. */
export function lastWindow(filter: Filter, now: number): { from: number; to: number } {
  const to = typeof filter.currentTime === 'number' && filter.currentTime > 0 ? finite(filter.currentTime, 'currentTime') : now;
  return { from: to - parseDuration(filter.duration), to };
}

/**
 * The shortest time span (ms) the filters hold the events to: a `last`, or a `between` of two
 * numbers, on the event time. Undefined when none does (the table's whole TTL window).
 */
export function timeSpanMs(filters: Filter[], now: number): number | undefined {
  let span: number | undefined;
  for (const filter of filters) {
    if ((filter.field ?? (filter.operator === 'last' ? TIMESTAMP_FIELD : undefined)) !== TIMESTAMP_FIELD) continue;
    let next: number | undefined;
    if (filter.operator === 'last') {
      const { from, to } = lastWindow(filter, now);
      next = to - from;
    } else if (filter.operator === 'between' && typeof filter.from === 'number' && typeof filter.to === 'number') {
      next = Math.max(0, filter.to - filter.from);
    }
    if (next !== undefined && (span === undefined || next < span)) span = next;
  }
  return span;
}

/**
 * `value` when it is a number SQL can take: JSON's `1e400` parses as Infinity, which neither
 * engine can bind as a time. Refused with `number-out-of-range`, never a 500.
 */
export function finite(value: number, what: string): number {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER * 1024) {
    throw new AppError('number-out-of-range', { field: what, value: String(value) });
  }
  return value;
}

/** Checks the shape of a filter list; throws a 400 with a stable code for unknown operators. */
export function checkFilters(filters: unknown): Filter[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters)) throw new AppError('bad-request', undefined, 'filters must be an array.');
  return filters.map((f) => {
    if (f === null || typeof f !== 'object') throw new AppError('bad-request', undefined, 'Each filter must be an object.');
    const filter = f as Filter;
    if (!(OPERATORS as readonly string[]).includes(filter.operator)) {
      throw new AppError('unknown-filter-operator', { operator: filter.operator }, `Unknown filter operator "${shown(filter.operator)}".`);
    }
    return filter;
  });
}

/** SQL predicates for the filters, with values bound as parameters. */
export function filtersToSql(filters: Filter[], fields: FieldSql, params: Params, now: number): string[] {
  const out: string[] = [];
  for (const filter of filters) {
    const sql = filterToSql(filter, fields, params, now);
    if (sql) out.push(sql);
  }
  return out;
}

function filterToSql(filter: Filter, fields: FieldSql, params: Params, now: number): string | undefined {
  const { operator } = filter;
  if (operator === 'any') return undefined;
  if (operator === 'last') {
    const field = parseField(filter.field ?? TIMESTAMP_FIELD);
    const { from, to } = lastWindow(filter, now);
    const expr = fields.number(field);
    const bound = (ms: number) => params.add(field.kind === 'timestamp' ? fields.time(ms) : ms);
    return `${expr} >= ${bound(from)} AND ${expr} <= ${bound(to)}`;
  }
  const field = parseField(filter.field);
  const text = fields.text(field);
  const num = fields.number(field);
  const numeric = (value: number): string => {
    const checked = finite(value, field.kind === 'timestamp' ? TIMESTAMP_FIELD : field.name);
    return params.add(field.kind === 'timestamp' ? fields.time(checked) : checked);
  };
  const typed = (value: unknown): string => {
    if (typeof value === 'number') return `${num} = ${numeric(value)}`;
    return `${text} = ${params.add(scalarText(value))}`;
  };
  switch (operator) {
    case 'equals':
      return typed(requireValue(filter));
    case 'not_equals':
      // As in Foxtrot (a must_not clause), documents without the field match too.
      return `(NOT ${fields.present(field)} OR NOT (${typed(requireValue(filter))}))`;
    case 'contains':
      return `strpos(${text}, ${params.add(scalarText(requireValue(filter)))}) > 0`;
    case 'wildcard':
      return `${text} LIKE ${params.add(globToLike(scalarText(requireValue(filter))))} ESCAPE '\\'`;
    case 'less_than':
    case 'less_equal':
    case 'greater_than':
    case 'greater_equal': {
      const value = requireValue(filter);
      const op = COMPARISONS[operator]!;
      return typeof value === 'number' ? `${num} ${op} ${numeric(value)}` : `${text} ${op} ${params.add(scalarText(value))}`;
    }
    case 'between': {
      if (filter.from === undefined || filter.to === undefined) throw badFilter(filter, 'between needs from and to.');
      if (typeof filter.from === 'number' && typeof filter.to === 'number') {
        return `${num} >= ${numeric(filter.from)} AND ${num} <= ${numeric(filter.to)}`;
      }
      return `${text} >= ${params.add(scalarText(filter.from))} AND ${text} <= ${params.add(scalarText(filter.to))}`;
    }
    case 'in':
    case 'not_in': {
      if (!Array.isArray(filter.values) || filter.values.length === 0) throw badFilter(filter, `${operator} needs a non-empty values array.`);
      const any = `(${filter.values.map(typed).join(' OR ')})`;
      return operator === 'in' ? any : `(NOT ${fields.present(field)} OR NOT ${any})`;
    }
    case 'exists':
      return fields.present(field);
    case 'missing':
      return `NOT ${fields.present(field)}`;
    default:
      throw new AppError('unknown-filter-operator', { operator });
  }
}

function requireValue(filter: Filter): unknown {
  if (filter.value === undefined || filter.value === null) throw badFilter(filter, `${filter.operator} needs a value.`);
  if (typeof filter.value === 'object') throw badFilter(filter, `${filter.operator} needs a string, number or boolean value.`);
  return filter.value;
}

/** A filter's string, number or boolean as text; objects and arrays are no value to compare with. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') {
    // PostgreSQL text cannot hold NUL (and no stored event can contain it), so it is no value to compare with.
    if (value.includes('\u0000')) throw new AppError('bad-request', { value: shown(value) }, 'A filter value cannot contain the NUL character.');
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new AppError('bad-request', { value: shown(value) }, `A filter compares with a string, number or boolean, not ${shown(value)}.`);
}

function badFilter(filter: Filter, message: string): AppError {
  return new AppError('bad-request', { filter }, `Invalid ${filter.operator} filter on "${shown(filter.field)}": ${message}`);
}

/** `*` any run, `?` one character; everything else literal. */
export function globToLike(glob: string): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
