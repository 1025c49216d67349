/**
 * Batches events and gets them to the server: in batches while online, into storage while
 * offline or when a send fails, and from storage again once the network is back.
 * Everything it touches is injected, so the logic runs (and is tested) without a browser.
 */
import type { TelemetryDocument } from './event-types';

/** `sent`: stored by the server. `rejected`: the server will never take it, drop it. `failed`: try again later. */
export type SendResult = 'sent' | 'rejected' | 'failed';

export interface Transport {
  /** Sends one batch. While the page is being hidden it must start sending before it returns. */
  send(documents: TelemetryDocument[], unloading: boolean): SendResult | Promise<SendResult>;
}

/** Where unsent events wait, across page loads. */
export interface EventStorage {
  save(documents: TelemetryDocument[]): Promise<void>;
  load(limit: number): Promise<TelemetryDocument[]>;
  remove(ids: string[]): Promise<void>;
  /** Drops every stored event. */
  clear(): Promise<void>;
}

export interface QueueOptions {
  transport: Transport;
  storage: EventStorage;
  isOnline(): boolean;
  schedule(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
  /** Events per request. */
  maxBatch?: number;
  /** JSON characters per request: beacons and keep-alive requests share a 64 KB budget. */
  maxChars?: number;
  /** How long an event may wait for others to share its request. */
  delayMs?: number;
}

export class EventQueue {
  private pending: TelemetryDocument[] = [];
  /** Batches a flush took and has not handed to the transport yet (it sends one at a time). */
  private outbox: TelemetryDocument[][] = [];
  private timer: unknown = null;
  private draining = false;
  /** Set by `discard`, so a drain that loaded events before it does not send them after. */
  private discarded = false;
  private readonly maxBatch: number;
  private readonly maxChars: number;
  private readonly delayMs: number;

  constructor(private readonly options: QueueOptions) {
    this.maxBatch = options.maxBatch ?? 50;
    this.maxChars = options.maxChars ?? 30_000;
    this.delayMs = options.delayMs ?? 5_000;
  }

  /** Events waiting in memory. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues an event; a full batch goes at once, otherwise after the delay. */
  add(document: TelemetryDocument): void {
    this.pending.push(document);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else if (this.timer === null) this.timer = this.options.schedule(() => void this.flush(), this.delayMs);
  }

  /** Sends (or, offline, stores) everything in memory. With `unloading`, every send starts before this returns. */
  async flush(unloading = false): Promise<void> {
    if (this.timer !== null) this.options.cancel(this.timer);
    this.timer = null;
    const documents = this.pending.splice(0);
    if (!this.options.isOnline()) {
      const waiting = [...this.outbox.splice(0).flat(), ...documents];
      return waiting.length > 0 ? this.store(waiting) : undefined;
    }
    const batches = toBatches(documents, this.maxBatch, this.maxChars);
    if (unloading) {
      // The page is going: batches an earlier flush still had queued go now too, or they die with it.
      const all = [...this.outbox.splice(0), ...batches];
      const results = all.map((batch) => this.options.transport.send(batch, true));
      await Promise.all(results.map(async (result, i) => ((await result) === 'failed' ? this.store(all[i]!) : undefined)));
      return;
    }
    if (batches.length === 0) return;
    this.outbox.push(...batches);
    // One request at a time: keep-alive requests in flight share one small budget.
    for (let batch = this.outbox.shift(); batch; batch = this.outbox.shift()) {
      if ((await this.send(batch)) === 'failed') await this.store(batch);
    }
  }

  /**
   * Drops every unsent event, in memory and in storage (on sign-out: a shared device must not send
   * the last shopper's events later, nor keep them). A drain under way stops at its next batch.
   */
  async discard(): Promise<void> {
    if (this.timer !== null) this.options.cancel(this.timer);
    this.timer = null;
    this.pending = [];
    this.discarded = true;
    await this.options.storage.clear().catch(() => undefined);
  }

  /** Sends events stored earlier, batch by batch, until storage is empty, a send fails or the network goes. */
  async drainStored(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    this.discarded = false;
    try {
      while (this.options.isOnline()) {
        const stored = await this.options.storage.load(this.maxBatch).catch(() => []);
        if (stored.length === 0 || this.discarded) return;
        if ((await this.send(stored)) === 'failed') return;
        await this.options.storage.remove(stored.map((doc) => doc.id));
      }
    } finally {
      this.draining = false;
    }
  }

  private async send(batch: TelemetryDocument[]): Promise<SendResult> {
    try {
      return await this.options.transport.send(batch, false);
    } catch {
      return 'failed';
    }
  }

  private store(documents: TelemetryDocument[]): Promise<void> {
    // Storage can be unavailable (private windows, full disk): then the events are lost, never the page.
    return this.options.storage.save(documents).catch(() => undefined);
  }
}

/** Splits documents into batches of at most `maxBatch` documents and about `maxChars` of JSON. */
export function toBatches(documents: TelemetryDocument[], maxBatch: number, maxChars: number): TelemetryDocument[][] {
  const batches: TelemetryDocument[][] = [];
  let batch: TelemetryDocument[] = [];
  let chars = 0;
  for (const doc of documents) {
    const size = JSON.stringify(doc).length + 1;
    if (batch.length > 0 && (batch.length >= maxBatch || chars + size > maxChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(doc);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
