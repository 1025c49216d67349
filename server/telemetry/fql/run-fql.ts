/** Runs an FQL statement through the analytics engine and answers with a flat table. */
import type { Analytics } from '../analytics';
import type { Mappings } from '../mapping/mappings';
import type { TableRegistry } from '../tables';
import { flatten, makeTable, type FlatTable } from './table';
import { translateFql } from './translate';

export async function runFql(text: string, analytics: Analytics, tables: TableRegistry, mappings: Pick<Mappings, 'describe'>): Promise<FlatTable> {
  const statement = translateFql(text);
  if (statement.kind === 'show-tables') return makeTable(['name', 'ttl'], tables.list().map((t) => [t.name, t.ttl]));
  if (statement.kind === 'desc') return describe(statement.table, tables, mappings);
  const { response } = await analytics.execute(statement.request);
  return flatten(response, statement.projection, statement.request);
}

/**
 * The table's mapping, as Foxtrot's `desc` shows its index mapping: every field its documents
 * held, the JSON types seen, where it is stored (`json`, or a typed column), and how often it is present.
 */
function describe(table: string, tables: TableRegistry, mappings: Pick<Mappings, 'describe'>): FlatTable {
  tables.get(table);
  const rows = mappings.describe(table).map((f) => [f.field, f.type, f.stored, f.seen]);
  return makeTable(['field', 'type', 'stored', 'seen'], [['_timestamp', 'date', 'ts BIGINT', '100%'], ...rows]);
}
