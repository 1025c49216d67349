/**
 * Timings of the busiest reads, summed instead of stored one by one: per method, route pattern and
 * status, the number of requests since the last write, their mean, median, 99th percentile and
 * slowest duration. One document a second per route and status costs the event loop almost
 * nothing, where a document per request cost more than answering it (decisions/0023).
 */

/** Durations kept per cell for its percentiles; past that a uniform sample of them (reservoir). */
const MAX_SAMPLES = 1024;

/** One method, route and status since the last write. */
interface Cell {
  method: string;
  status: number;
  /** When the first of its requests came (the document's timestamp). */
  firstAt: number;
  count: number;
  totalMs: number;
  maxMs: number;
  samples: Float64Array;
}

/** The document data of one cell, `eventType: 'API_CALLS'`. */
export interface ApiCallsSummary {
  eventType: 'API_CALLS';
  method: string;
  route: string;
  status: number;
  count: number;
  /** The mean, so that queries over `durationMs` read these beside single `API_CALL` documents. */
  durationMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Timings summed per method, route and status until `drain` takes them. */
export class ApiTimingSummary {
  /** Cells by route pattern (a small, fixed set of strings: no key is built per request). */
  private readonly cells = new Map<string, Cell[]>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Adds one request's timing. */
  add(method: string, route: string, status: number, durationMs: number, at: number): void {
    let cells = this.cells.get(route);
    if (!cells) this.cells.set(route, (cells = []));
    let cell: Cell | undefined;
    for (const candidate of cells) {
      if (candidate.status === status && candidate.method === method) {
        cell = candidate;
        break;
      }
    }
    if (!cell) cells.push((cell = { method, status, firstAt: at, count: 0, totalMs: 0, maxMs: 0, samples: new Float64Array(MAX_SAMPLES) }));
    const n = cell.count++;
    cell.totalMs += durationMs;
    if (durationMs > cell.maxMs) cell.maxMs = durationMs;
    if (n < MAX_SAMPLES) cell.samples[n] = durationMs;
    else {
      // Algorithm R: every duration so far had the same chance to be among the kept ones.
      const at = Math.floor(this.random() * (n + 1));
      if (at < MAX_SAMPLES) cell.samples[at] = durationMs;
    }
  }

  /** The summaries since the last call, with their timestamps, and a fresh start. */
  drain(): Array<{ timestamp: number; data: ApiCallsSummary }> {
    const out: Array<{ timestamp: number; data: ApiCallsSummary }> = [];
    for (const [route, cells] of this.cells) {
      for (const cell of cells) {
        const kept = cell.samples.slice(0, Math.min(cell.count, MAX_SAMPLES)).sort();
        const rank = (q: number) => kept[Math.min(kept.length - 1, Math.floor(q * kept.length))]!;
        out.push({
          timestamp: cell.firstAt,
          data: {
            eventType: 'API_CALLS',
            method: cell.method,
            route,
            status: cell.status,
            count: cell.count,
            durationMs: round(cell.totalMs / cell.count),
            p50Ms: round(rank(0.5)),
            p99Ms: round(rank(0.99)),
            maxMs: round(cell.maxMs),
          },
        });
      }
    }
    this.cells.clear();
    return out;
  }
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
