/**
 * Which paths deserve a typed column, decided by the data: a path becomes a column once it is
 * frequent (in at least 1 % of a table's documents) and stable (99 % of its values one scalar
 * type: string, number or boolean). Arrays and objects stay in the JSON.
 */
import { columnTypeFor, type ColumnType } from './column';
import { JSON_TYPES, type FieldStats } from './field-stats';

export interface MappingPolicy {
  /** Documents a table must have seen before its first columns are chosen; 0 turns typed columns off. */
  after: number;
  /** Documents seen between two later rounds of choosing. */
  every: number;
  /** Share of documents a path must appear in. */
  minShare: number;
  /** Share of a path's values that must have its type. */
  minStable: number;
  /** Columns a table may have at most. */
  maxColumns: number;
}

export const DEFAULT_POLICY: MappingPolicy = { after: 1000, every: 20_000, minShare: 0.01, minStable: 0.99, maxColumns: 64 };

export interface ColumnChoice {
  path: string;
  type: ColumnType;
}

/** The dominant column type of a path, if its values are stable enough to have one. */
export function stableType(counts: Record<string, number>, minStable: number): ColumnType | undefined {
  let total = 0;
  const byColumnType = new Map<ColumnType | undefined, number>();
  for (const type of JSON_TYPES) {
    const n = counts[type] ?? 0;
    if (type === 'null' || n === 0) continue;
    total += n;
    const columnType = columnTypeFor(type);
    byColumnType.set(columnType, (byColumnType.get(columnType) ?? 0) + n);
  }
  for (const [type, n] of byColumnType) if (type && n >= total * minStable) return type;
  return undefined;
}

/**
 * New columns for a table, most frequent paths first, up to the table's allowance; `taken` are
 * the paths that already have one.
 */
export function chooseColumns(stats: FieldStats, taken: ReadonlySet<string>, columnCount: number, policy: MappingPolicy): ColumnChoice[] {
  if (policy.after <= 0) return [];
  const candidates: (ColumnChoice & { seen: number })[] = [];
  for (const path of stats.paths()) {
    if (taken.has(path)) continue;
    const counts = stats.get(path);
    const seen = counts.string + counts.long + counts.double + counts.boolean;
    if (seen === 0 || seen < stats.observed * policy.minShare) continue;
    const type = stableType(counts, policy.minStable);
    if (type) candidates.push({ path, type, seen });
  }
  candidates.sort((a, b) => b.seen - a.seen || a.path.localeCompare(b.path));
  return candidates.slice(0, Math.max(0, policy.maxColumns - columnCount)).map(({ path, type }) => ({ path, type }));
}
