/**
 * The main-thread tasks of a Lighthouse page-load trace (observed, unthrottled) that count towards
 * TBT once Lighthouse's simulation multiplies them by its CPU slowdown, each with what ran inside
 * it: which script was evaluated or called, compiling, style, layout, parsing, garbage collection.
 */

/** A trace event as Chromium writes it (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what it cost without the time the OS gave other processes. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; isLoadingMainFrame?: boolean; frame?: string } };
}

/** One task over the threshold, with its work summed by what it was, in real ms. */
export interface CountedTask {
  ts: number;
  durMs: number;
  /** The task's thread time: on a loaded host, its cost without the waits for a core. */
  cpuMs: number;
  parts: Map<string, number>;
}

/** Work worth naming inside a task; the key is the trace event's name. */
const PARTS: Record<string, string> = {
  EvaluateScript: 'eval',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  FunctionCall: 'call',
  TimerFire: 'timer',
  FireAnimationFrame: 'raf',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  ParseHTML: 'parse',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'Decode Image': 'decode',
  PrePaint: 'prepaint',
  Paint: 'paint',
};

/** The page's renderer main thread: the CrRendererMain with the most task time. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  let best: { pid: number; tid: number; busy: number } | undefined;
  for (const thread of events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
    const busy = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: thread.pid, tid: thread.tid, busy };
  }
  return best;
}

/** Short name of a script URL (its file), for the task lines. */
const fileOf = (url: string | undefined): string => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '').slice(0, 40) || 'document' : '');

/** What the tasks would block for at `slowdown` (Lantern's TBT arithmetic, from FCP on), by wall time and by thread time. */
export function blockingTime(tasks: readonly CountedTask[], slowdown: number, fromTs = 0): { wall: number; cpu: number } {
  const over = (ms: number): number => Math.max(0, ms * slowdown - 50);
  const counted = tasks.filter((t) => t.ts >= fromTs);
  return { wall: counted.reduce((sum, t) => sum + over(t.durMs), 0), cpu: counted.reduce((sum, t) => sum + over(t.cpuMs), 0) };
}

/** Tasks of the page's main thread of at least `minMs` real ms, in time order, with their parts. */
export function countedTasks(events: TraceEvent[], minMs: number): CountedTask[] {
  const thread = mainThread(events);
  if (!thread) return [];
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks: CountedTask[] = [];
  for (const task of own) {
    if (task.name !== 'RunTask' || task.dur! / 1000 < minMs) continue;
    const end = task.ts + task.dur!;
    const parts = new Map<string, number>();
    // Only the outermost event of each part counts, so nested calls or layouts are summed once.
    const openUntil = new Map<string, number>();
    for (const e of own) {
      if (e.ts < task.ts || e === task) continue;
      if (e.ts >= end) break;
      const part = PARTS[e.name];
      if (!part) continue;
      const url = part === 'eval' || part === 'call' || part === 'compile' ? fileOf(e.args?.data?.url) : '';
      const key = url ? `${part} ${url}` : part;
      if ((openUntil.get(part) ?? 0) > e.ts) continue;
      openUntil.set(part, e.ts + e.dur!);
      parts.set(key, (parts.get(key) ?? 0) + e.dur! / 1000);
    }
    tasks.push({ ts: task.ts, durMs: task.dur! / 1000, cpuMs: (task.tdur ?? task.dur!) / 1000, parts });
  }
  return tasks;
}

/** A task as one line: real ms, ms at the slowdown, then its largest parts. */
export function formatTask(task: CountedTask, slowdown: number): string {
  const parts = [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`);
  return `task ${task.durMs.toFixed(1)} ms, cpu ${task.cpuMs.toFixed(1)} (×${slowdown.toFixed(1)} = ${(task.durMs * slowdown).toFixed(0)}): ${parts.join(', ')}`;
}
