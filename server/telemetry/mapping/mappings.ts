/**
 * Every table's mapping, kept in memory and persisted in the event engine. Ingestion goes through
 * `store`: it learns from the documents, adds the columns the data calls for (then fills them for
 * the rows already stored, in the background), and hands each batch's column values to the engine.
 * Queries ask `readyColumn` which paths they may read from a column.
 */
import type { Logger } from 'pino';
import type { EventEngine, StoredDocument } from '../engine/engine';
import { InFlight } from '../engine/in-flight';
import { strippable, type Column } from './column';
import { JSON_TYPES } from './field-stats';
import type { MappingPolicy } from './mapping-policy';
import { TableMapping, type TypedValues } from './table-mapping';

/** How many of an unmapped table's latest events are read at start to learn its mapping. */
const LEARN_FROM_STORED = 10_000;
/** How often learned counts are saved (they are also saved with every change of columns, and at close). */
const SAVE_EVERY_MS = 60_000;
/** Share of a path's numbers that must be whole for `wholeNumbers`. */
const WHOLE_SHARE = 0.99;

/** One row of `desc <table>`. */
export interface FieldDescription {
  field: string;
  /** The JSON types seen, as Foxtrot names them (`long|string` when both). */
  type: string;
  /**
   * `json`, or the typed column (`c3 DOUBLE`), `(filling)` while it is being filled, `+ json` when
   * the JSON holds its values too (a nested field's, or values of another type).
   */
  stored: string;
  /** Share of the documents observed that hold the field. */
  seen: string;
}

export class Mappings {
  private readonly tables = new Map<string, TableMapping>();
  private readonly inserts = new Map<string, InFlight>();
  private readonly deciding = new Set<string>();
  private readonly fills = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly engine: EventEngine,
    private readonly policy: MappingPolicy,
    /** Queries in flight: a column marked mixed waits for those planned before. */
    private readonly readers: InFlight,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.saveDirty(), SAVE_EVERY_MS);
    this.timer.unref();
  }

  /** Loads the persisted mappings, resumes unfinished fills and learns tables stored before they had one. */
  static async open(engine: EventEngine, tables: string[], policy: MappingPolicy, readers: InFlight, logger: Logger): Promise<Mappings> {
    const mappings = new Mappings(engine, policy, readers, logger);
    const records = await engine.loadMappings();
    for (const table of tables) {
      const record = records.get(table);
      const mapping = new TableMapping(record, policy);
      // No query runs yet: ready columns may leave the JSON at once.
      mapping.strip(mapping.columns.filter((c) => c.state === 'ready' && !c.stripped).map((c) => c.name));
      mappings.tables.set(table, mapping);
      const filling = mapping.columns.filter((c) => c.state === 'filling');
      if (filling.length) {
        // A fill that did not finish (the server stopped): the columns may not even exist yet.
        await engine.addColumns(table, filling);
        mappings.background(mappings.fill(table, mapping, filling));
      }
      if (!record) mappings.background(mappings.learnStored(table, mapping));
    }
    return mappings;
  }

  /** A new table starts with an empty mapping. */
  add(table: string): void {
    if (!this.tables.has(table)) this.tables.set(table, new TableMapping(undefined, this.policy));
  }

  /** The column queries may read for a path of a table, if it has a ready one. */
  readyColumn(table: string, path: string): Column | undefined {
    return this.tables.get(table)?.readyColumn(path);
  }

  /**
   * Whether the numbers a table's documents hold at `path` are whole (at least 99 % of those seen):
   * such values repeat (milliseconds, sizes, counts), so their percentiles are cheaper counted.
   */
  wholeNumbers(table: string, path: string): boolean {
    const counts = this.tables.get(table)?.stats.get(path);
    if (!counts) return false;
    const numbers = counts.long + counts.double;
    return numbers > 0 && counts.long >= WHOLE_SHARE * numbers;
  }

  /** Every column a table's events table has (ready or filling): a stored document is its JSON plus these. */
  columns(table: string): readonly Column[] {
    return this.tables.get(table)?.columns ?? [];
  }

  /**
   * Learns from a batch, then inserts it with its column values through `insert`. A value of
   * another type than its column's marks the column mixed (saved) before the rows can be read.
   */
  store<T>(table: string, documents: StoredDocument[], insert: (typed: TypedValues) => Promise<T>): Promise<T> {
    const inserts = this.inserts.get(table) ?? new InFlight();
    this.inserts.set(table, inserts);
    return inserts.track(this.storeTracked(table, this.mapping(table), documents, insert));
  }

  private async storeTracked<T>(table: string, mapping: TableMapping, documents: StoredDocument[], insert: (typed: TypedValues) => Promise<T>): Promise<T> {
    if (mapping.observe(documents) && !this.deciding.has(table)) {
      // Columns that could not be added leave this batch to be stored as it is; the next round tries again.
      await this.decide(table, mapping).catch((err) => this.logger.warn({ err, table }, 'telemetry: typed columns not added'));
    }
    for (;;) {
      const typed = mapping.extract(documents);
      if (typed.newlyMixed.length === 0) return insert(typed);
      // From now on queries read this path's other types from the JSON; those planned before
      // these rows are visible finish first, and the flag is durable before the rows are.
      for (const column of typed.newlyMixed) mapping.markMixed(column.name);
      await Promise.all([this.save(table, mapping), this.readers.settled()]);
      // Columns may have been added meanwhile: extract again.
    }
  }

  /** Adds the columns the data calls for (saved first, so a restart finishes what was started) and starts filling them. */
  private async decide(table: string, mapping: TableMapping): Promise<void> {
    const choices = mapping.choose();
    if (choices.length === 0) return;
    this.deciding.add(table);
    try {
      const columns = mapping.name(choices);
      const record = mapping.toRecord();
      await this.engine.saveMapping(table, { ...record, columns: [...record.columns, ...columns] });
      await this.engine.addColumns(table, columns);
      mapping.add(columns);
      this.logger.info({ table, columns: columns.map((c) => `${c.path} ${c.type} as ${c.name}`) }, 'telemetry: typed columns added');
      this.background(this.fill(table, mapping, columns));
    } finally {
      this.deciding.delete(table);
    }
  }

  /** Fills columns for the rows stored before they existed (after the inserts that carried no value for them), then marks them ready. */
  private async fill(table: string, mapping: TableMapping, columns: Column[]): Promise<void> {
    await this.inserts.get(table)?.settled();
    if (this.closed) return;
    const { mixed } = await this.engine.fillColumns(table, columns);
    for (const column of columns) mapping.ready(column.name, mixed.includes(column.name));
    await this.save(table, mapping);
    // Queries planned before read these fields from the JSON: once they are done, new rows may
    // keep top-level values in the column alone.
    await this.readers.settled();
    mapping.strip(columns.map((c) => c.name));
    await this.save(table, mapping);
  }

  /** A table stored before mappings existed learns from its latest events. */
  private async learnStored(table: string, mapping: TableMapping): Promise<void> {
    const rows = await this.engine.sample(table, LEARN_FROM_STORED);
    if (rows.length === 0 || this.closed) return;
    if (mapping.observe(rows.map((data) => ({ data }))) && !this.deciding.has(table)) await this.decide(table, mapping);
    await this.save(table, mapping);
  }

  private background(work: Promise<void>): void {
    const tracked = work.catch((err) => this.logger.warn({ err }, 'telemetry: typed columns not filled yet (tried again at the next start)'));
    this.fills.add(tracked);
    void tracked.then(() => this.fills.delete(tracked));
  }

  private mapping(table: string): TableMapping {
    this.add(table);
    return this.tables.get(table)!;
  }

  private async save(table: string, mapping: TableMapping): Promise<void> {
    mapping.dirty = false;
    await this.engine.saveMapping(table, mapping.toRecord());
  }

  private async saveDirty(): Promise<void> {
    for (const [table, mapping] of this.tables) {
      if (mapping.dirty) await this.save(table, mapping).catch((err) => this.logger.warn({ err, table }, 'telemetry: mapping not saved'));
    }
  }

  /** `desc <table>`: every field seen, its JSON types, and where it is stored. */
  describe(table: string): FieldDescription[] {
    const mapping = this.tables.get(table);
    if (!mapping) return [];
    const observed = mapping.stats.observed;
    const rows: FieldDescription[] = [];
    for (const path of mapping.stats.paths().sort()) {
      const counts = mapping.stats.get(path);
      const seen = JSON_TYPES.filter((t) => counts[t] > 0);
      // Objects are described by their fields; a path that only ever held objects is not a field.
      if (seen.every((t) => t === 'object')) continue;
      const column = mapping.column(path);
      // A top-level column is still settling in until its values have left the JSON.
      const filling = column && (column.state === 'filling' || (strippable(column) && !column.stripped));
      const stored = column ? `${column.name} ${column.type}${filling ? ' (filling)' : ''}${column.mixed || !strippable(column) ? ' + json' : ''}` : 'json';
      const present = seen.filter((t) => t !== 'null').reduce((n, t) => n + counts[t], 0);
      rows.push({ field: path, type: seen.join('|'), stored, seen: `${observed ? Math.round((present / observed) * 100) : 0}%` });
    }
    return rows;
  }

  /** Saves what was learned and stops; fills still running finish at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.saveDirty();
  }
}
