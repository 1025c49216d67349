/**
 * Long-animation-frame entries as the INP bench reads them in the page, and a summary of one frame:
 * where its time went (scripts with their invoker and forced style and layout, then the rendering
 * update: style and layout, then paint) so a long frame can be told apart without a trace.
 */

/** One script of a long animation frame (`PerformanceScriptTiming`), durations in ms. */
export interface LoafScript {
  invoker: string;
  invokerType: string;
  duration: number;
  forcedStyleAndLayout: number;
  source: string;
}

/** One long animation frame, as copied out of the page (times in ms, from the page's time origin). */
export interface Loaf {
  start: number;
  duration: number;
  blocking: number;
  /** Start of the rendering update (rAF callbacks, style, layout, paint); 0 when it had none. */
  renderStart: number;
  /** Start of style and layout inside the rendering update. */
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}

/**
 * The observer's body for the page (a string: it runs before the page's scripts). Keeps what
 * `Loaf` holds of each entry; `sourceFunctionName` and the URL's file name say which code ran.
 */
export const LOAF_OBSERVER = `
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) __probe.frames.push({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration || 0,
    renderStart: e.renderStart || 0, styleAndLayoutStart: e.styleAndLayoutStart || 0,
    scripts: (e.scripts || []).map((s) => ({
      invoker: String(s.invoker || ''), invokerType: String(s.invokerType || ''), duration: s.duration,
      forcedStyleAndLayout: s.forcedStyleAndLayoutDuration || 0,
      source: (s.sourceFunctionName || '') + '@' + String(s.sourceURL || '').split('/').pop() + ':' + (s.sourceCharPosition ?? -1),
    })),
  });
}).observe({ type: 'long-animation-frame', buffered: true });
`;

/** How a frame's time splits: scripts before the rendering update, the update's own parts. */
export interface LoafParts {
  /** From the frame's start to its rendering update (tasks, scripts, the gaps between). */
  beforeRender: number;
  /** rAF callbacks, ResizeObserver and the like: from the render start to style and layout. */
  frameCallbacks: number;
  /** Style and layout, then paint and commit, to the frame's end. */
  styleLayoutPaint: number;
  scripts: number;
  forcedStyleAndLayout: number;
}

/** Splits a frame by the marks its entry carries. */
export function loafParts(frame: Loaf): LoafParts {
  const end = frame.start + frame.duration;
  const renderStart = frame.renderStart || end;
  const styleStart = frame.styleAndLayoutStart || renderStart;
  const sum = (pick: (s: LoafScript) => number): number => frame.scripts.reduce((total, s) => total + pick(s), 0);
  return {
    beforeRender: renderStart - frame.start,
    frameCallbacks: Math.max(0, styleStart - renderStart),
    styleLayoutPaint: end - Math.max(styleStart, renderStart),
    scripts: sum((s) => s.duration),
    forcedStyleAndLayout: sum((s) => s.forcedStyleAndLayout),
  };
}

const ms = (value: number): string => `${Math.round(value)}`;

/** Lines describing one frame: its split, then its scripts longest first (at most `maxScripts`). */
export function formatLoaf(label: string, frame: Loaf, maxScripts = 6): string[] {
  const parts = loafParts(frame);
  const lines = [
    `  ${label}: ${ms(frame.duration)} ms (blocking ${ms(frame.blocking)}): before render ${ms(parts.beforeRender)}, ` +
      `frame callbacks ${ms(parts.frameCallbacks)}, style+layout+paint ${ms(parts.styleLayoutPaint)}; ` +
      `scripts ${ms(parts.scripts)} (forced style+layout ${ms(parts.forcedStyleAndLayout)})`,
  ];
  for (const script of [...frame.scripts].sort((a, b) => b.duration - a.duration).slice(0, maxScripts)) {
    lines.push(`      ${ms(script.duration).padStart(4)} ms ${script.invokerType} ${script.invoker} (forced ${ms(script.forcedStyleAndLayout)}) ${script.source}`);
  }
  return lines;
}

/** The longest frame starting within [from, to], or null. */
export function longestLoaf(frames: readonly Loaf[], from: number, to: number): Loaf | null {
  let longest: Loaf | null = null;
  for (const frame of frames) if (frame.start >= from && frame.start <= to && (!longest || frame.duration > longest.duration)) longest = frame;
  return longest;
}
