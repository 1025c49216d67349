/**
 * Reads a Chromium trace (Playwright's `browser.startTracing`) and says where a page's main thread
 * spent a step: its tasks over `minTaskMs`, each with the work inside it summed by kind (script,
 * style, layout, paint, commit, image decoding, parsing), and the sums over the whole step.
 */
import fs from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/** What a piece of main-thread work is, by its trace event's name (the rest is "other"). */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.GCScavenger': 'gc',
  MajorGC: 'gc',
  MinorGC: 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'commit',
  'Decode Image': 'image',
  'ImageDecodeTask': 'image',
  'Document::ParseHTMLSVG': 'image',
  ParseHTML: 'parse',
  HitTest: 'hit test',
};

/** One task of the main thread and its work by kind, in ms. */
export interface TaskSummary {
  startMs: number;
  durationMs: number;
  kinds: Record<string, number>;
  /** The outermost named work inside it (event type, function), for telling tasks apart. */
  what: string;
}

/** A step's main thread: the long tasks and the sums by kind over every task. */
export interface TraceSummary {
  tasks: TaskSummary[];
  totals: Record<string, number>;
  totalMs: number;
}

/** The renderer main thread with the most task time: the measured page's. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | null = null;
  for (const thread of names) {
    const busy = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: thread.pid, tid: thread.tid, busy };
  }
  return best;
}

/** Summarises the trace at `file`; kinds are summed from outermost events of each kind (no double counting). */
export function summariseTrace(file: string, minTaskMs = 16): TraceSummary {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const thread = mainThread(events);
  if (!thread) return { tasks: [], totals: {}, totalMs: 0 };
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks: TaskSummary[] = [];
  const totals: Record<string, number> = {};
  let totalMs = 0;
  const origin = own[0]?.ts ?? 0;
  for (const task of own.filter((e) => e.name === 'RunTask')) {
    const end = task.ts + task.dur!;
    const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    const kinds: Record<string, number> = {};
    // Only the outermost event of each kind counts, so nested FunctionCalls or Layouts are summed once.
    const open: Record<string, number> = {};
    let what = '';
    for (const e of inside) {
      const kind = KINDS[e.name];
      if (!kind) continue;
      if ((open[kind] ?? 0) > e.ts) continue;
      open[kind] = e.ts + e.dur!;
      kinds[kind] = (kinds[kind] ?? 0) + e.dur! / 1000;
      if (!what && kind === 'script') what = e.args?.data?.type ?? e.args?.data?.functionName ?? e.name;
    }
    const durationMs = task.dur! / 1000;
    totalMs += durationMs;
    for (const [kind, ms] of Object.entries(kinds)) totals[kind] = (totals[kind] ?? 0) + ms;
    if (durationMs >= minTaskMs) tasks.push({ startMs: (task.ts - origin) / 1000, durationMs, kinds, what });
  }
  return { tasks, totals, totalMs };
}

/** The summary as lines for a bench's output. */
export function formatTraceSummary(label: string, summary: TraceSummary): string[] {
  const kinds = (record: Record<string, number>): string =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`)
      .join(', ');
  const lines = [`  ${label}: main thread ${summary.totalMs.toFixed(0)} ms in tasks (${kinds(summary.totals)})`];
  for (const task of summary.tasks) lines.push(`    task at ${task.startMs.toFixed(0).padStart(6)} ms: ${task.durationMs.toFixed(0).padStart(4)} ms  ${task.what ? `[${task.what}] ` : ''}${kinds(task.kinds)}`);
  return lines;
}
