/**
 * API timings into table `server`: method, route pattern, status and duration of every `/api`
 * request, buffered and written in batches by `buffered-events.ts`, never on the response's time.
 */
import type { RequestHandler } from 'express';
import type { ServerDeps } from '../deps';
import { ApiTimingSummary } from './api-timing-summary';
import { BufferedEvents, type EventSink } from './buffered-events';

export const API_TIMINGS_TABLE = 'server';
/** Records held at most while the store is slow. */
export const MAX_BUFFERED = 5000;

/**
 * Buffers documents for table `server`: `API_CALL` timings, `API_CALLS` summaries of the reads
 * answered before Express, and the order events (`orders/order-events.ts`).
 */
export class ApiTimingRecorder {
  private readonly events: BufferedEvents<typeof API_TIMINGS_TABLE>;
  private readonly summary: ApiTimingSummary;

  constructor(deps: Pick<ServerDeps, 'now' | 'logger'>, random: () => number = Math.random) {
    this.summary = new ApiTimingSummary(random);
    this.events = new BufferedEvents(deps, {
      name: 'api timings',
      maxBuffered: MAX_BUFFERED,
      batch: 500,
      droppedEventType: 'API_TIMINGS_DROPPED',
      collect: () => this.summary.drain().map(({ timestamp, data }) => ({ table: API_TIMINGS_TABLE, timestamp, data: { ...data } })),
    });
  }

  /** Records dropped and not yet reported. */
  get dropped(): number {
    return this.events.dropped;
  }

  /** Adds one document's data; drops it (counted) when the buffer is full. */
  record(data: { eventType: string } & Record<string, unknown>, timestamp: number): void {
    this.events.record(API_TIMINGS_TABLE, data, timestamp);
  }

  /**
   * Counts one request of the busiest reads into its route's `API_CALLS` summary, written with the
   * next batch (every second), instead of a document of its own.
   */
  summarize(method: string, route: string, status: number, durationMs: number, timestamp: number): void {
    this.summary.add(method, route, status, durationMs, timestamp);
  }

  attach(sink: EventSink): void {
    this.events.attach(sink);
  }

  detach(): Promise<void> {
    return this.events.detach();
  }

  flush(): Promise<void> {
    return this.events.flush();
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
          eventType: 'API_CALL',
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
