/**
 * Tables the shop writes only from inside the server (ARCHITECTURE §8: push send outcomes go to
 * `push`), and the buffered writer other domains record into. Documents from outside are refused
 * for these tables, so what an operator reads there is what the server saw, not what a browser
 * claimed. Records wait in memory and go out in batches through ingestion, never on a caller's time;
 * past the buffer's bound they are dropped and counted, and the count is written once the store catches up.
 */
import crypto from 'node:crypto';
import type { ServerDeps } from '../deps';
import type { BulkResult } from './ingest';

/** The tables other domains record into, with their TTL in days; ingestion refuses them to clients (`INTERNAL_TABLES`). */
export const INTERNAL_EVENT_TABLES = [{ name: 'push', ttl: 90 }] as const;

export type InternalTable = (typeof INTERNAL_EVENT_TABLES)[number]['name'];

export interface EventSink {
  bulk(table: string, documents: unknown[]): Promise<BulkResult>;
}

interface Pending {
  table: InternalTable;
  doc: { id: string; timestamp: number; data: Record<string, unknown> };
}

/** Records held at most while the store is slow (a campaign to 10,000 devices fits). */
export const MAX_BUFFERED_INTERNAL = 50_000;
const BATCH = 1000;
const FLUSH_EVERY_MS = 1000;

/** Buffers internal documents and writes them, one batch at a time, once a sink is attached. */
export class InternalEvents {
  private buffer: Pending[] = [];
  private sink: EventSink | null = null;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Records dropped since the last write that reported drops, per table. */
  private dropped = new Map<InternalTable, number>();

  constructor(private readonly deps: Pick<ServerDeps, 'now' | 'logger'>) {}

  /** Adds one event; dropped (and counted) when the buffer is full. */
  record(table: InternalTable, data: Record<string, unknown>, timestamp = this.deps.now()): void {
    if (this.buffer.length >= MAX_BUFFERED_INTERNAL) {
      const count = this.dropped.get(table) ?? 0;
      if (count === 0) this.deps.logger.warn({ table, max: MAX_BUFFERED_INTERNAL }, 'internal events: the store is slow, dropping events');
      this.dropped.set(table, count + 1);
      return;
    }
    this.buffer.push({ table, doc: { id: crypto.randomUUID(), timestamp, data } });
    if (this.buffer.length >= BATCH) void this.flush();
  }

  /** Starts writing to `sink` every second; events recorded before were kept for it. */
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

  /** Writes everything buffered so far (tests and shutdown wait on it). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.sink || (this.buffer.length === 0 && this.dropped.size === 0)) return;
    const sink = this.sink;
    this.writing = (async () => {
      try {
        while (this.buffer.length > 0 || this.dropped.size > 0) {
          const batch = this.buffer.splice(0, BATCH);
          for (const [table, count] of this.dropped) {
            batch.push({ table, doc: { id: crypto.randomUUID(), timestamp: this.deps.now(), data: { eventType: 'EVENTS_DROPPED', count } } });
          }
          this.dropped.clear();
          const byTable = new Map<InternalTable, Pending[]>();
          for (const pending of batch) byTable.set(pending.table, [...(byTable.get(pending.table) ?? []), pending]);
          for (const [table, items] of byTable) {
            await sink.bulk(table, items.map((item) => item.doc)).catch((err: unknown) => this.deps.logger.warn({ err, table }, 'internal events: write failed'));
          }
        }
      } finally {
        this.writing = null;
      }
    })();
    await this.writing;
  }
}

const writers = new WeakMap<object, InternalEvents>();

/** The internal-events writer of one server (one set of deps): domains record, the telemetry routes attach the store. */
export function internalEvents(deps: ServerDeps): InternalEvents {
  let writer = writers.get(deps);
  if (!writer) writers.set(deps, (writer = new InternalEvents(deps)));
  return writer;
}
