/**
 * A typed column: one dotted path of a table's documents stored as its own SQL column beside the
 * JSON. It holds the path's values of its type only; values of another type ("mixed") stay in the
 * JSON alone, and queries read those from there. A top-level field's values leave the JSON once
 * the column is ready (`stripped`): the JSON keeps the rest of the document. Nested fields stay in
 * the JSON too, so a whole object (`appVersion`) always reads from the JSON as it was sent.
 */
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
