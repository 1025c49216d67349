/** Runs an FQL statement through the analytics engine and answers with a flat table. */
import type { Analytics } from '../analytics';
import type { TableRegistry } from '../tables';
import { flatten, leafPaths, makeTable, type Cell, type FlatTable } from './table';
import { translateFql } from './translate';
import { readPath } from '../fields';

/** How many recent documents `desc` samples to list a table's fields. */
const DESC_SAMPLE = 500;

export async function runFql(text: string, analytics: Analytics, tables: TableRegistry): Promise<FlatTable> {
  const statement = translateFql(text);
  if (statement.kind === 'show-tables') return makeTable(['name', 'ttl'], tables.list().map((t) => [t.name, t.ttl]));
  if (statement.kind === 'desc') return describe(statement.table, analytics, tables);
  const { response } = await analytics.execute(statement.request);
  return flatten(response, statement.projection, statement.request);
}

/** Fields seen in the table's latest documents, with their JSON types. */
async function describe(table: string, analytics: Analytics, tables: TableRegistry): Promise<FlatTable> {
  tables.get(table);
  const { response } = await analytics.execute({ opcode: 'query', table, limit: DESC_SAMPLE });
  const documents = response.documents as { data: unknown }[];
  const types = new Map<string, Set<string>>();
  for (const doc of documents) {
    const paths = new Set<string>();
    leafPaths(doc.data, '', paths);
    for (const path of paths) {
      const value = readPath(doc.data, path.split('.'));
      const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : typeof value;
      const set = types.get(path) ?? new Set<string>();
      set.add(type);
      types.set(path, set);
    }
  }
  const rows: Cell[][] = [['_timestamp', 'date']];
  for (const [field, set] of [...types].sort(([a], [b]) => a.localeCompare(b))) rows.push([field, [...set].sort().join('|')]);
  return makeTable(['field', 'type'], rows);
}
