/**
 * API timings into table `server`: method, route pattern, status and duration of every `/api`
 * request. Records wait in a bounded in-memory buffer and are written in batches through the
 * ingestion path, never on the response's time; when the store is slower than the traffic, new
 * records are dropped and counted, and the count is written once the store catches up. A record
 * costs the request one push: documents (ids, event type) are made per batch, when written.
 */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ServerDeps } from '../deps';
import type { BulkResult } from './ingest';

export const API_TIMINGS_TABLE = 'server';
/** Records held at most while the store is slow. */
export const MAX_BUFFERED = 5000;
const BATCH = 500;
const FLUSH_EVERY_MS = 1000;

/** Where batches go: `Ingestion.bulk` in the server. */
export interface TimingSink {
  bulk(table: string, documents: unknown[]): Promise<BulkResult>;
}

interface Document {
  id: string;
  timestamp: number;
  data: Record<string, unknown>;
}

interface Timing {
  timestamp: number;
  data: Record<string, unknown>;
}

/** Buffers timing documents and writes them one batch at a time once a sink is attached. */
export class ApiTimingRecorder {
  private buffer: Timing[] = [];
  private sink: TimingSink | null = null;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Records dropped since the last write that reported drops. */
  dropped = 0;

  constructor(private readonly deps: Pick<ServerDeps, 'now' | 'logger'>) {}

  /** Adds one request's timing; drops it (counted) when the buffer is full. */
  record(data: Record<string, unknown>, timestamp: number): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      if (this.dropped++ === 0) this.deps.logger.warn({ max: MAX_BUFFERED }, 'api timings: the store is slow, dropping timings');
      return;
    }
    this.buffer.push({ timestamp, data });
    if (this.buffer.length >= BATCH) void this.flush();
  }

  /** Starts writing to `sink` every second; records made before were kept for it. */
  attach(sink: TimingSink): void {
    this.sink = sink;
    this.timer ??= setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** Writes what is buffered and stops writing. */
  async detach(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    await this.writing;
    this.sink = null;
  }

  /** Writes the buffer, one batch at a time; a write already under way takes the rest on its next turn. */
  flush(): Promise<void> {
    if (this.writing || !this.sink) return this.writing ?? Promise.resolve();
    const sink = this.sink;
    this.writing = (async () => {
      try {
        while (this.buffer.length > 0 || this.dropped > 0) {
          // One random id per batch, numbered within it: unique, and off the requests' time.
          const batchId = crypto.randomUUID();
          const batch: Document[] = this.buffer
            .splice(0, BATCH)
            .map((timing, i) => ({ id: `${batchId}-${i}`, timestamp: timing.timestamp, data: { eventType: 'API_CALL', ...timing.data } }));
          if (this.dropped > 0) {
            batch.push({ id: crypto.randomUUID(), timestamp: this.deps.now(), data: { eventType: 'API_TIMINGS_DROPPED', count: this.dropped } });
            this.dropped = 0;
          }
          await sink.bulk(API_TIMINGS_TABLE, batch).catch((err: unknown) => this.deps.logger.warn({ err }, 'api timings: write failed'));
        }
      } finally {
        this.writing = null;
      }
    })();
    return this.writing;
  }
}

const recorders = new WeakMap<object, ApiTimingRecorder>();

/** The recorder of one server (one set of deps): the middleware fills it, the telemetry routes attach the store. */
export function apiTimingRecorder(deps: ServerDeps): ApiTimingRecorder {
  let recorder = recorders.get(deps);
  if (!recorder) recorders.set(deps, (recorder = new ApiTimingRecorder(deps)));
  return recorder;
}

/** Middleware for the `/api` router, mounted before its routes. */
export function apiTiming(deps: ServerDeps): RequestHandler {
  const recorder = apiTimingRecorder(deps);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const timestamp = deps.now();
    const mount = req.baseUrl;
    let route: string | null = null;
    // Express sets `req.route` when a route matches, while `req.baseUrl` is still that route's
    // router's; by the time the response ends an error may have unwound the routers.
    let current: unknown;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set(value: { path?: unknown } | undefined) {
        current = value;
        if (value && typeof value.path === 'string') route = req.baseUrl + value.path;
      },
    });
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      recorder.record(
        {
          method: req.method,
          // The pattern, not the URL: ids would make every product its own group.
          route: route ?? `${mount}/(unmatched)`,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 100) / 100,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        timestamp,
      );
    });
    next();
  };
}
