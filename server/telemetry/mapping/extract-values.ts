/**
 * Pulls a batch's typed column values out of its documents, and each document's JSON as stored,
 * in one pass over each document's own keys: a top-level column is found by its key (most columns
 * are top-level), a nested one by walking its path. Reading every column from every document
 * instead cost a keyed lookup per column and document on objects of many shapes (twice the time
 * with the shop's twenty columns).
 */
import { readPath } from '../fields';
import type { Column } from './column';

/** One column's values for a batch: numbers (NaN for none), booleans (0, 1; 2 for none) or strings. */
export type ColumnValues = Float64Array | Uint8Array | (string | null)[];

/** What `extractValues` answers: values in the order of `columns`, the JSON each document stores, the columns that met another type. */
export interface Extracted {
  values: ColumnValues[];
  json: string[];
  /** Indexes (in `columns`) of columns for which some value of another type came. */
  other: number[];
}

/** Where each column's values are read from, worked out once per column list. */
export interface ColumnPlan {
  columns: readonly Column[];
  /** Top-level columns by their key. */
  byKey: Map<string, number>;
  /** Nested columns: index and path. */
  nested: { index: number; path: string[] }[];
}

/** Plans reading `columns`. */
export function planColumns(columns: readonly Column[]): ColumnPlan {
  const byKey = new Map<string, number>();
  const nested: ColumnPlan['nested'] = [];
  columns.forEach((column, index) => {
    const path = column.path.split('.');
    if (path.length === 1) byKey.set(path[0]!, index);
    else nested.push({ index, path });
  });
  return { columns, byKey, nested };
}

/**
 * Stores `value` as document i's value of column `index` when it has the column's type; answers
 * whether it did. -0 is stored as 0: JSON.stringify writes it as 0, so that is what the JSON holds.
 */
function put(column: Column, values: ColumnValues, i: number, value: unknown): boolean {
  switch (column.type) {
    case 'DOUBLE':
      if (typeof value !== 'number') return false;
      (values as Float64Array)[i] = value + 0;
      return true;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') return false;
      (values as Uint8Array)[i] = value ? 1 : 0;
      return true;
    default:
      if (typeof value !== 'string') return false;
      (values as (string | null)[])[i] = value;
      return true;
  }
}

/** Every column's values, each document's JSON to store (less the top-level values stripped columns hold) and the columns that met another type. */
export function extractValues(plan: ColumnPlan, documents: readonly { data: Record<string, unknown>; json: string }[]): Extracted {
  const { columns, byKey, nested } = plan;
  const count = documents.length;
  const values = columns.map((column): ColumnValues => {
    if (column.type === 'DOUBLE') return new Float64Array(count).fill(NaN);
    if (column.type === 'BOOLEAN') return new Uint8Array(count).fill(2);
    return new Array<string | null>(count).fill(null);
  });
  const other = new Uint8Array(columns.length);
  const json: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const { data } = documents[i]!;
    let strip = false;
    for (const key in data) {
      if (!Object.hasOwn(data, key)) continue;
      const index = byKey.get(key);
      if (index === undefined) continue;
      const value = data[key];
      const column = columns[index]!;
      if (put(column, values[index]!, i, value)) strip ||= column.stripped;
      else if (value !== null && value !== undefined) other[index] = 1;
    }
    for (const { index, path } of nested) {
      const value = readPath(data, path);
      if (!put(columns[index]!, values[index]!, i, value) && value !== null && value !== undefined) other[index] = 1;
    }
    json[i] = strip ? remainder(data, byKey, columns, values, i) : documents[i]!.json;
  }
  const others: number[] = [];
  other.forEach((flag, index) => flag && others.push(index));
  return { values, json, other: others };
}

/** The document's JSON without the top-level values its stripped columns hold ('{}' when nothing is left). */
function remainder(data: Record<string, unknown>, byKey: Map<string, number>, columns: readonly Column[], values: ColumnValues[], i: number): string {
  // No prototype: a `__proto__` key is copied as data, never set as the object's prototype.
  const rest: Record<string, unknown> = Object.create(null);
  let kept = 0;
  for (const key in data) {
    if (!Object.hasOwn(data, key)) continue;
    const index = byKey.get(key);
    if (index !== undefined && columns[index]!.stripped && given(values[index]!, i)) continue;
    rest[key] = data[key];
    kept++;
  }
  return kept ? JSON.stringify(rest) : '{}';
}

/** Whether a column value was given for document i. */
function given(values: ColumnValues, i: number): boolean {
  if (values instanceof Float64Array) return !Number.isNaN(values[i]);
  if (values instanceof Uint8Array) return values[i] !== 2;
  return values[i] !== null;
}
