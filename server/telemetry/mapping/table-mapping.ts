/**
 * One table's mapping: what its documents hold (`FieldStats`) and which paths have typed columns.
 * Learns from ingested documents (all of the first 10,000, then one in 16), chooses new columns by
 * the policy, and pulls each document's column values out for the engine.
 */
import { strippable, type Column } from './column';
import { extractValues, planColumns, type ColumnPlan, type ColumnValues } from './extract-values';
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

export type { ColumnValues } from './extract-values';

/** A batch's column values, in the order of `columns`, and each document's JSON as stored (without stripped fields). */
export interface TypedValues {
  columns: Column[];
  values: ColumnValues[];
  json: string[];
}

export class TableMapping {
  readonly stats: FieldStats;
  private columnList: Column[];
  private byPath = new Map<string, Column>();
  /** Where extraction reads each column, for the current list. */
  private plan: ColumnPlan | undefined;
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
    this.plan = undefined;
  }

  /**
   * Every column's value for each document, each document's JSON to store, and the columns that
   * met a value of another type for the first time (they must be marked mixed before these rows
   * are visible).
   */
  extract(documents: readonly { data: Record<string, unknown>; json: string }[]): TypedValues & { newlyMixed: Column[] } {
    this.plan ??= planColumns(this.columnList);
    const { values, json, other } = extractValues(this.plan, documents);
    const newlyMixed = other.map((index) => this.columnList[index]!).filter((column) => !column.mixed);
    return { columns: this.columnList, values, json, newlyMixed };
  }

  toRecord(): MappingRecord {
    return { stats: this.stats.toRecord(), columns: this.columnList.map((c) => ({ ...c })) };
  }
}
