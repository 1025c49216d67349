/**
 * Events the server records about itself (API timings, push outcomes), buffered in memory and
 * written in batches through ingestion, never on a caller's time. Past the buffer's bound new
 * records are dropped and counted per table, and the count is written once the store catches up.
 * A record costs its caller one push: documents (ids) are made per batch, when written.
 */
import crypto from 'node:crypto';
import type { ServerDeps } from '../deps';
import type { BulkResult } from './ingest';

/** Where batches go: `Ingestion.bulk` in the server. */
export interface EventSink {
  bulk(table: string, documents: unknown[]): Promise<BulkResult>;
}

export interface BufferedEventsOptions<T extends string = string> {
  /** Names the writer in log lines. */
  name: string;
  /** Records held at most while the store is slow. */
  maxBuffered: number;
  /** Documents per write. */
  batch: number;
  /** `eventType` of the document that says how many records of a table were dropped. */
  droppedEventType: string;
  /** Records kept elsewhere until a write (summaries), taken at each write. */
  collect?: () => Iterable<{ table: T; timestamp: number; data: Record<string, unknown> }>;
}

interface Pending<T extends string> {
  table: T;
  timestamp: number;
  data: Record<string, unknown>;
}

const FLUSH_EVERY_MS = 1000;

/** Buffers documents for tables `T` and writes them, one batch at a time, once a sink is attached. */
export class BufferedEvents<T extends string> {
  private buffer: Array<Pending<T>> = [];
  private sink: EventSink | null = null;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Records dropped since the last write that reported drops, per table. */
  private readonly drops = new Map<T, number>();

  constructor(
    private readonly deps: Pick<ServerDeps, 'now' | 'logger'>,
    private readonly options: BufferedEventsOptions<T>,
  ) {}

  /** Records dropped and not yet reported (all tables). */
  get dropped(): number {
    let total = 0;
    for (const count of this.drops.values()) total += count;
    return total;
  }

  /** Adds one record; drops it (counted) when the buffer is full. */
  record(table: T, data: Record<string, unknown>, timestamp = this.deps.now()): void {
    if (this.buffer.length >= this.options.maxBuffered) {
      const count = this.drops.get(table) ?? 0;
      if (count === 0) this.deps.logger.warn({ table, max: this.options.maxBuffered }, `${this.options.name}: the store is slow, dropping records`);
      this.drops.set(table, count + 1);
      return;
    }
    this.buffer.push({ table, timestamp, data });
    if (this.buffer.length >= this.options.batch) void this.flush();
  }

  /** Starts writing to `sink` every second; records made before were kept for it. */
  attach(sink: EventSink): void {
    this.sink = sink;
    this.timer ??= setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** Writes what is buffered and stops writing. */
  async detach(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    this.sink = null;
  }

  /** Writes everything buffered so far; a write already under way is waited for, then the rest is written. */
  async flush(): Promise<void> {
    // Only with a store to write to: until then what `collect` reads stays where it is.
    if (this.sink && this.options.collect) for (const { table, timestamp, data } of this.options.collect()) this.record(table, data, timestamp);
    while (this.writing) await this.writing;
    if (!this.sink || (this.buffer.length === 0 && this.drops.size === 0)) return;
    const sink = this.sink;
    this.writing = (async () => {
      try {
        while (this.buffer.length > 0 || this.drops.size > 0) await this.writeBatch(sink);
      } finally {
        this.writing = null;
      }
    })();
    await this.writing;
  }

  private async writeBatch(sink: EventSink): Promise<void> {
    // One random id per batch, numbered within it: unique, and off the callers' time.
    const batchId = crypto.randomUUID();
    const byTable = new Map<T, unknown[]>();
    const add = (table: T, timestamp: number, data: Record<string, unknown>) => {
      let documents = byTable.get(table);
      if (!documents) byTable.set(table, (documents = []));
      documents.push({ id: `${batchId}-${documents.length}`, timestamp, data });
    };
    for (const pending of this.buffer.splice(0, this.options.batch)) add(pending.table, pending.timestamp, pending.data);
    for (const [table, count] of this.drops) add(table, this.deps.now(), { eventType: this.options.droppedEventType, count });
    this.drops.clear();
    for (const [table, documents] of byTable) {
      await sink.bulk(table, documents).catch((err: unknown) => this.deps.logger.warn({ err, table }, `${this.options.name}: write failed`));
    }
  }
}
