/** Analytics answers flattened into one table, the shape FQL answers with (as Foxtrot's FlatRepresentation). */
import { readPath } from '../fields';
import type { ActionResponse } from '../analytics/scope';
import type { Projection } from './translate';

export type Cell = string | number | boolean | null;

export interface FlatTable {
  headers: { name: string; maxLength: number }[];
  rows: Record<string, Cell>[];
}

/** Builds a table from column names and rows of cells. */
export function makeTable(names: string[], rows: Cell[][]): FlatTable {
  const headers = names.map((name, i) => ({
    name,
    maxLength: Math.max(name.length, ...rows.map((r) => cellText(r[i] ?? null).length)),
  }));
  return { headers, rows: rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null]))) };
}

export function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

function cell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

/** Flattens any opcode's answer. */
export function flatten(response: ActionResponse, projection: Projection, request: Record<string, unknown>): FlatTable {
  switch (response.opcode) {
    case 'query':
      return flattenQuery(response.documents as { id: string; timestamp: number; data: unknown }[], projection.fields);
    case 'count':
      return makeTable(['count'], [[response.count as number]]);
    case 'distinct':
      return makeTable(response.headers as string[], (response.result as unknown[][]).map((r) => r.map(cell)));
    case 'group': {
      const nesting = request.nesting as string[];
      const rows: Cell[][] = [];
      const walk = (node: unknown, prefix: Cell[]) => {
        if (prefix.length === nesting.length) return void rows.push([...prefix, node as number]);
        for (const [key, child] of Object.entries(node as Record<string, unknown>)) walk(child, [...prefix, key]);
      };
      walk(response.result, []);
      const names = [...nesting, request.uniqueCountOn ? `count(distinct ${String(request.uniqueCountOn)})` : 'count'];
      return makeTable(names, page(sortRows(rows, names, projection.order ?? []), projection));
    }
    case 'histogram':
      return makeTable(['period', 'count'], (response.counts as { period: number; count: number }[]).map((c) => [c.period, c.count]));
    case 'trend': {
      const rows: Cell[][] = [];
      for (const [value, counts] of Object.entries(response.trends as Record<string, { period: number; count: number }[]>)) {
        for (const c of counts) rows.push([value, c.period, c.count]);
      }
      return makeTable([String(request.field ?? 'value'), 'period', 'count'], rows);
    }
    case 'stats': {
      const result = response.result as { stats: Record<string, number | null>; percentiles?: Record<string, number | null> };
      if (projection.aggregate) return makeTable([projection.aggregate.label], [[result.stats[projection.aggregate.stat] ?? null]]);
      return statsTable([], [{ result, prefix: [] }]);
    }
    case 'statstrend': {
      const series = response.result as ({ period: number } & StatsResult)[];
      return statsTable(['period'], series.map((s) => ({ result: s, prefix: [s.period] })));
    }
    default:
      return makeTable(['result'], [[JSON.stringify(response)]]);
  }
}

type StatsResult = { stats: Record<string, number | null>; percentiles?: Record<string, number | null> };

function statsTable(lead: string[], entries: { result: StatsResult; prefix: Cell[] }[]): FlatTable {
  const first = entries[0]?.result;
  const statNames = Object.keys(first?.stats ?? {});
  const pctNames = Object.keys(first?.percentiles ?? {});
  const names = [...lead, ...statNames, ...pctNames.map((p) => `p${p}`)];
  const rows = entries.map((e) => [...e.prefix, ...statNames.map((s) => e.result.stats[s] ?? null), ...pctNames.map((p) => e.result.percentiles?.[p] ?? null)]);
  return makeTable(names, rows);
}

function flattenQuery(documents: { id: string; timestamp: number; data: unknown }[], fields: string[]): FlatTable {
  if (fields.length) {
    return makeTable(fields, documents.map((d) => fields.map((f) => (f === '_timestamp' ? d.timestamp : f === '_id' ? d.id : cell(readPath(d.data, f.split('.')))))));
  }
  const paths = new Set<string>();
  for (const d of documents) leafPaths(d.data, '', paths);
  const columns = [...paths].sort();
  return makeTable(
    ['_id', '_timestamp', ...columns],
    documents.map((d) => [d.id, d.timestamp, ...columns.map((c) => cell(readPath(d.data, c.split('.'))))]),
  );
}

/** Dotted paths of the leaves of a document's data (arrays count as leaves). */
export function leafPaths(value: unknown, prefix: string, out: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (prefix) out.add(prefix);
    return;
  }
  for (const [key, child] of Object.entries(value)) leafPaths(child, prefix ? `${prefix}.${key}` : key, out);
}

/** Sorts rows by columns (numbers numerically, the rest as text); ties keep their order. */
function sortRows(rows: Cell[][], names: string[], order: NonNullable<Projection['order']>): Cell[][] {
  const keys = order.map((o) => ({ index: names.indexOf(o.column), sign: o.desc ? -1 : 1 })).filter((k) => k.index >= 0);
  if (keys.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const { index, sign } of keys) {
      const x = a[index] ?? null;
      const y = b[index] ?? null;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : cellText(x).localeCompare(cellText(y));
      if (c !== 0) return c * sign;
    }
    return 0;
  });
}

function page(rows: Cell[][], projection: Projection): Cell[][] {
  const from = projection.offset ?? 0;
  return projection.limit === undefined ? rows.slice(from) : rows.slice(from, from + projection.limit);
}
