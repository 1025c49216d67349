/** Field names: dotted paths into a document's `data`, plus `_timestamp` for the event time. */
import { AppError } from '../errors/app-error';
import { shown } from '../http/shown-value';

export const TIMESTAMP_FIELD = '_timestamp';
/** What one segment of a dotted path may hold: plain characters, so paths quote safely in SQL. */
export const FIELD_SEGMENT = /^[A-Za-z0-9_$@:\- ]{1,128}$/;

/** A checked field: either the event time or a path of plain segments into `data`. */
export type Field = { kind: 'timestamp' } | { kind: 'data'; path: string[]; name: string };

/** Parses a dotted path; segments are restricted so they can be quoted safely in SQL. */
export function parseField(name: unknown): Field {
  if (typeof name !== 'string' || name.length === 0 || name.length > 512) {
    throw new AppError('invalid-field', { field: name }, `"${shown(name)}" is not a field name.`);
  }
  if (name === TIMESTAMP_FIELD) return { kind: 'timestamp' };
  const path = name.startsWith('data.') ? name.slice(5).split('.') : name.split('.');
  if (!path.every((segment) => FIELD_SEGMENT.test(segment))) {
    throw new AppError('invalid-field', { field: name }, `"${name}" is not a valid dotted path.`);
  }
  return { kind: 'data', path, name };
}

/** Reads a dotted path out of a document's data, for results assembled in JS; only own properties count. */
export function readPath(data: unknown, path: string[]): unknown {
  let value = data;
  for (const segment of path) {
    // `constructor` or `__proto__` in a path must not reach inherited members of Object.
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
