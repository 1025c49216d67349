/**
 * A small pool of photo worker threads with a bounded queue. Jobs wait their turn (operators'
 * uploads before seeded drawings); a full queue refuses instead of growing without end; a worker that
 * dies is replaced and its job fails, not the server. Threads start on the first job, so a server
 * that never processes a photo never starts one.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { JobOutcome, PhotoJob } from './photo-jobs';

/** Uploads are someone waiting; drawings are background work. */
export type JobPriority = 'upload' | 'background';

interface Pending {
  id: number;
  job: PhotoJob;
  resolve(outcome: JobOutcome): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  /** Stops an idle worker after IDLE_MS, giving its memory back. */
  idleTimer: NodeJS.Timeout | null;
}

// A worker holds libvips and its loaded code (tens of MB): kept while work comes, not forever.
const IDLE_MS = 60_000;

/** Thrown by `run` when the queue is full: the caller answers "busy, try again". */
export class PoolFull extends Error {
  constructor() {
    super('the photo queue is full');
    this.name = 'PoolFull';
  }
}

export interface PoolOptions {
  size: number;
  /** Most jobs waiting, per priority. */
  maxQueue: number;
  logger: Logger;
}

/** Runs photo jobs on up to `size` worker threads. */
export class PhotoPool {
  private readonly slots: Slot[] = [];
  private readonly queues: Record<JobPriority, Pending[]> = { upload: [], background: [] };
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new TypeError(`pool size must be a positive whole number, got ${options.size}`);
  }

  /** Jobs waiting or running. */
  get load(): number {
    return this.queues.upload.length + this.queues.background.length + this.slots.filter((slot) => slot.busy).length;
  }

  /** Queues a job; resolves with its outcome. Throws PoolFull when that priority's queue is full. */
  run(job: PhotoJob, priority: JobPriority): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('the photo pool is closed'));
    if (this.queues[priority].length >= this.options.maxQueue) return Promise.reject(new PoolFull());
    return new Promise((resolve) => {
      this.queues[priority].push({ id: this.nextId++, job, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of [...this.queues.upload, ...this.queues.background]) pending.resolve({ ok: false, message: 'the server is stopping' });
    this.queues.upload.length = 0;
    this.queues.background.length = 0;
    for (const slot of this.slots) {
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      // A job cut short by the stop still gets its answer: a caller waiting on it must not wait forever.
      slot.busy?.resolve({ ok: false, message: 'the server is stopping' });
      slot.busy = null;
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (!this.closed) {
      const pending = this.queues.upload[0] ?? this.queues.background[0];
      if (!pending) return;
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      (this.queues.upload[0] === pending ? this.queues.upload : this.queues.background).shift();
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.busy = pending;
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./photo-worker-entry.mjs', import.meta.url));
    const slot: Slot = { worker, busy: null, idleTimer: null };
    worker.on('message', (message: { id: number; outcome: JobOutcome }) => {
      const pending = slot.busy;
      slot.busy = null;
      if (pending && pending.id === message.id) pending.resolve(message.outcome);
      this.dispatch();
      if (!slot.busy) {
        slot.idleTimer = setTimeout(() => this.retire(slot, 'idle'), IDLE_MS);
        slot.idleTimer.unref();
      }
    });
    worker.on('error', (error) => {
      this.options.logger.error({ err: error }, 'a photo worker failed; starting another');
      this.retire(slot, error.message);
    });
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.retire(slot, `worker exited with code ${code}`);
    });
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.busy?.resolve({ ok: false, message: reason });
    slot.busy = null;
    void slot.worker.terminate();
    this.dispatch();
  }
}
