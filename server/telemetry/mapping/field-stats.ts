/**
 * What a table's documents hold: every dotted path seen in their `data`, and how often with each
 * JSON type. Counted from (a sample of) the documents ingested, like the index mapping Foxtrot's
 * Elasticsearch learns; the mapping policy reads it to choose typed columns, `desc` shows it.
 */
import { FIELD_SEGMENT } from '../fields';

/** JSON types as Foxtrot names them (numbers split into long and double). */
export const JSON_TYPES = ['string', 'long', 'double', 'boolean', 'null', 'object', 'array'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** Paths a table keeps counts for; past this, new paths are counted as untracked (random keys must not grow memory). */
export const MAX_PATHS = 1000;
const MAX_PATH_LENGTH = 512;

/** Counts by type, in `JSON_TYPES` order. */
export type TypeCounts = number[];

/** The persisted form: documents observed, counts per path, and paths that were not tracked. */
export interface FieldStatsRecord {
  observed: number;
  untracked: number;
  paths: Record<string, Partial<Record<JsonType, number>>>;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'long' : 'double';
    case 'boolean':
      return 'boolean';
    default:
      return Array.isArray(value) ? 'array' : 'object';
  }
}

const TYPE_INDEX: Record<JsonType, number> = Object.fromEntries(JSON_TYPES.map((t, i) => [t, i])) as Record<JsonType, number>;

export class FieldStats {
  /** Documents observed. */
  observed = 0;
  /** Path occurrences not counted because the table already tracks `MAX_PATHS` paths. */
  untracked = 0;
  private readonly counts = new Map<string, TypeCounts>();
  /** Paths that can never be addressed by a query (a key with a dot, say): not worth a lookup twice. */
  private readonly unaddressable = new Set<string>();

  static from(record: FieldStatsRecord | undefined): FieldStats {
    const stats = new FieldStats();
    if (!record) return stats;
    stats.observed = record.observed;
    stats.untracked = record.untracked;
    for (const [path, byType] of Object.entries(record.paths)) {
      stats.counts.set(path, JSON_TYPES.map((t) => byType[t] ?? 0));
    }
    return stats;
  }

  /** Counts every path of one document's data (objects and their leaves; arrays are leaves). */
  observe(data: Record<string, unknown>): void {
    this.observed++;
    this.walk(data, '');
  }

  private walk(object: Record<string, unknown>, prefix: string): void {
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      const value = object[key];
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const type = jsonTypeOf(value);
      if (!this.count(path, key, type)) continue;
      if (type === 'object') this.walk(value as Record<string, unknown>, path);
    }
  }

  /** Adds one occurrence; false when the path is not tracked (so its children are not walked either). */
  private count(path: string, key: string, type: JsonType): boolean {
    let counts = this.counts.get(path);
    if (!counts) {
      if (this.unaddressable.has(path)) return false;
      if (!FIELD_SEGMENT.test(key) || path.length > MAX_PATH_LENGTH) {
        if (this.unaddressable.size < MAX_PATHS) this.unaddressable.add(path);
        return false;
      }
      if (this.counts.size >= MAX_PATHS) {
        this.untracked++;
        return false;
      }
      counts = JSON_TYPES.map(() => 0);
      this.counts.set(path, counts);
    }
    counts[TYPE_INDEX[type]]!++;
    return true;
  }

  /** Counts for one path (zeros when never seen). */
  get(path: string): Record<JsonType, number> {
    const counts = this.counts.get(path);
    return Object.fromEntries(JSON_TYPES.map((t, i) => [t, counts?.[i] ?? 0])) as Record<JsonType, number>;
  }

  paths(): string[] {
    return [...this.counts.keys()];
  }

  toRecord(): FieldStatsRecord {
    const paths: FieldStatsRecord['paths'] = {};
    for (const [path, counts] of this.counts) {
      const byType: Partial<Record<JsonType, number>> = {};
      counts.forEach((n, i) => {
        if (n > 0) byType[JSON_TYPES[i]!] = n;
      });
      paths[path] = byType;
    }
    return { observed: this.observed, untracked: this.untracked, paths };
  }
}
