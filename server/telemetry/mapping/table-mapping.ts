/**
 * One table's mapping: what its documents hold (`FieldStats`) and which paths have typed columns.
 * Learns from ingested documents (all of the first 10,000, then one in 16), chooses new columns by
 * the policy, and pulls each document's column values out for the engine.
 */
import { strippable, type Column } from './column';
import { readPath } from '../fields';
import { FieldStats, type FieldStatsRecord } from './field-stats';
import { chooseColumns, type ColumnChoice, type MappingPolicy } from './mapping-policy';

/** What is persisted per table (in the event engine, beside the events). */
export interface MappingRecord {
  stats: FieldStatsRecord;
  columns: Column[];
}

/** Documents observed one by one before sampling starts. */
const OBSERVE_ALL = 10_000;
const SAMPLE_EVERY = 16;

/** One column's values for a batch: numbers (NaN for none), booleans (0, 1; 2 for none) or strings. */
export type ColumnValues = Float64Array | Uint8Array | (string | null)[];

/** A batch's column values, in the order of `columns`, and each document's JSON as stored (without stripped fields). */
export interface TypedValues {
  columns: Column[];
  values: ColumnValues[];
  json: string[];
}

/** Whether a column value was given for document i. */
function given(values: ColumnValues, i: number): boolean {
  if (values instanceof Float64Array) return !Number.isNaN(values[i]);
  if (values instanceof Uint8Array) return values[i] !== 2;
  return values[i] !== null;
}

export class TableMapping {
  readonly stats: FieldStats;
  private columnList: Column[];
  private byPath = new Map<string, Column>();
  /** Documents ingested since this process started; decisions are taken every so many. */
  private ingested = 0;
  private nextDecision: number;
  private sampleCounter = 0;
  /** Stats changed since the record was last saved. */
  dirty = false;

  constructor(
    record: MappingRecord | undefined,
    private readonly policy: MappingPolicy,
  ) {
    this.stats = FieldStats.from(record?.stats);
    this.columnList = record?.columns.map((c) => ({ ...c, stripped: c.stripped ?? false })) ?? [];
    this.index();
    // A table that already saw enough documents decides at its next batch.
    this.nextDecision = Math.max(1, policy.after - this.stats.observed);
  }

  get columns(): readonly Column[] {
    return this.columnList;
  }

  /** The column of a path, if it has one queries may read. */
  readyColumn(path: string): Column | undefined {
    const column = this.byPath.get(path);
    return column?.state === 'ready' ? column : undefined;
  }

  column(path: string): Column | undefined {
    return this.byPath.get(path);
  }

  /** Counts the batch's paths (sampled) and says whether new columns are due. */
  observe(documents: readonly { data: Record<string, unknown> }[]): boolean {
    for (const doc of documents) {
      if (this.stats.observed < OBSERVE_ALL || ++this.sampleCounter % SAMPLE_EVERY === 0) {
        this.stats.observe(doc.data);
        this.dirty = true;
      }
    }
    this.ingested += documents.length;
    return this.policy.after > 0 && this.ingested >= this.nextDecision && this.stats.observed >= Math.min(this.policy.after, OBSERVE_ALL);
  }

  /** New columns the data now calls for (not yet added); the next round is scheduled either way. */
  choose(): ColumnChoice[] {
    this.nextDecision = this.ingested + this.policy.every;
    return chooseColumns(this.stats, new Set(this.byPath.keys()), this.columnList.length, this.policy);
  }

  /** Names the chosen columns (`c<n>`, never reused) as `filling` columns; not yet in the list. */
  name(choices: ColumnChoice[]): Column[] {
    let next = this.columnList.reduce((max, c) => Math.max(max, Number(c.name.slice(1))), 0);
    return choices.map((choice) => ({ ...choice, name: `c${++next}`, state: 'filling', mixed: false, stripped: false }));
  }

  /** Adds columns that exist in the engine now; rows stored from here on carry their values. */
  add(columns: Column[]): void {
    this.columnList = [...this.columnList, ...columns];
    this.index();
  }

  /** Marks a column ready (every row has its value) and whether values of another type were found. */
  ready(name: string, mixed: boolean): void {
    this.update(name, (c) => ({ ...c, state: 'ready', mixed: c.mixed || mixed }));
  }

  markMixed(name: string): void {
    this.update(name, (c) => ({ ...c, mixed: true }));
  }

  /** From now on these ready columns' top-level values are written to the column only, not the JSON. */
  strip(names: readonly string[]): void {
    for (const name of names) this.update(name, (c) => ({ ...c, stripped: c.state === 'ready' && strippable(c) }));
  }

  private update(name: string, change: (column: Column) => Column): void {
    this.columnList = this.columnList.map((c) => (c.name === name ? change(c) : c));
    this.index();
  }

  private index(): void {
    this.byPath = new Map(this.columnList.map((c) => [c.path, c]));
  }

  /**
   * Every column's value for each document, each document's JSON to store, and the columns that
   * met a value of another type for the first time (they must be marked mixed before these rows
   * are visible).
   */
  extract(documents: readonly { data: Record<string, unknown>; json: string }[]): TypedValues & { newlyMixed: Column[] } {
    const count = documents.length;
    const newlyMixed: Column[] = [];
    const values = this.columnList.map((column): ColumnValues => {
      const segments = column.path.split('.');
      // A top-level field (most of them) is one own-property read; a nested one walks its path.
      const key = segments.length === 1 ? segments[0]! : undefined;
      const read = (data: Record<string, unknown>): unknown => (key === undefined ? readPath(data, segments) : Object.hasOwn(data, key) ? data[key] : undefined);
      let other = false;
      let out: ColumnValues;
      if (column.type === 'DOUBLE') {
        const numbers = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          const value = read(documents[i]!.data);
          // -0 is stored as 0: JSON.stringify writes it as 0, so that is what the JSON holds.
          if (typeof value === 'number') numbers[i] = value + 0;
          else {
            numbers[i] = NaN;
            if (value !== undefined && value !== null) other = true;
          }
        }
        out = numbers;
      } else if (column.type === 'BOOLEAN') {
        const flags = new Uint8Array(count);
        for (let i = 0; i < count; i++) {
          const value = read(documents[i]!.data);
          if (typeof value === 'boolean') flags[i] = value ? 1 : 0;
          else {
            flags[i] = 2;
            if (value !== undefined && value !== null) other = true;
          }
        }
        out = flags;
      } else {
        const strings: (string | null)[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const value = read(documents[i]!.data);
          if (typeof value === 'string') strings[i] = value;
          else {
            strings[i] = null;
            if (value !== undefined && value !== null) other = true;
          }
        }
        out = strings;
      }
      if (other && !column.mixed) newlyMixed.push(column);
      return out;
    });
    return { columns: this.columnList, values, json: this.remainders(documents, values), newlyMixed };
  }

  /** The JSON to store: as sent, less the top-level values a stripped column holds ('{}' when nothing is left). */
  private remainders(documents: readonly { data: Record<string, unknown>; json: string }[], values: ColumnValues[]): string[] {
    const stripped = new Map<string, ColumnValues>();
    this.columnList.forEach((c, i) => c.stripped && stripped.set(c.path, values[i]!));
    return documents.map((doc, i) => {
      let any = false;
      for (const columnValues of stripped.values()) if (given(columnValues, i)) any = true;
      if (!any) return doc.json;
      // No prototype: a `__proto__` key is copied as data, never set as the object's prototype.
      const rest: Record<string, unknown> = Object.create(null);
      let kept = 0;
      for (const key in doc.data) {
        if (!Object.hasOwn(doc.data, key)) continue;
        const columnValues = stripped.get(key);
        if (columnValues && given(columnValues, i)) continue;
        rest[key] = doc.data[key];
        kept++;
      }
      return kept ? JSON.stringify(rest) : '{}';
    });
  }

  toRecord(): MappingRecord {
    return { stats: this.stats.toRecord(), columns: this.columnList.map((c) => ({ ...c })) };
  }
}
