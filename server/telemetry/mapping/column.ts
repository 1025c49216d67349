/**
 * A typed column: one dotted path of a table's documents stored as its own SQL column beside the
 * JSON. It holds the path's values of its type only; values of another type ("mixed") stay in the
 * JSON alone, and queries read those from there. A top-level field's values leave the JSON once
 * the column is ready (`stripped`): the JSON keeps the rest of the document. Nested fields stay in
 * the JSON too, so a whole object (`appVersion`) always reads from the JSON as it was sent.
 */
import { readPath } from '../fields';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  /** The dotted path into `data`. */
  path: string;
  /** Its SQL name: `c1`, `c2`, … in the order the table learned them (SQL names ignore case, paths do not). */
  name: string;
  type: ColumnType;
  /**
   * `filling` while rows stored before the column existed are being given their values (queries
   * read the JSON meanwhile); `ready` once every row has it.
   */
  state: 'filling' | 'ready';
  /** Some stored value at this path has another type (it is in the JSON only). */
  mixed: boolean;
  /** Its values are no longer written to the JSON (top-level fields, once ready and no query reads them there). */
  stripped: boolean;
}

/** Whether a column's values may leave the JSON: a top-level field's (a nested one is part of its parent object). */
export const strippable = (column: Pick<Column, 'path'>): boolean => !column.path.includes('.');

/** Marks a value of another type than the column's: it stays in the JSON only. */
export const OTHER_TYPE = Symbol('other type');

/**
 * The value `data` gives the column: null when the path is missing or null, `OTHER_TYPE` when it
 * holds another type. Exactly what the engines' SQL extraction gives for the same JSON (what
 * `TableMapping.extract` does for a whole batch at once).
 */
export function columnValue(data: unknown, segments: string[], type: ColumnType): string | number | boolean | null | typeof OTHER_TYPE {
  const value = segments.length === 1 ? ownValue(data, segments[0]!) : readPath(data, segments);
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'VARCHAR':
      // (No lone surrogates: documents holding one are refused, as neither engine could read them.)
      return typeof value === 'string' ? value : OTHER_TYPE;
    case 'DOUBLE':
      // -0 is stored as 0: JSON.stringify writes it as 0, so that is what the JSON holds.
      return typeof value === 'number' ? value + 0 : OTHER_TYPE;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : OTHER_TYPE;
  }
}

function ownValue(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

/** The column type for a path's JSON type, if that type can have one. */
export function columnTypeFor(jsonType: string): ColumnType | undefined {
  switch (jsonType) {
    case 'string':
      return 'VARCHAR';
    case 'long':
    case 'double':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return undefined;
  }
}
