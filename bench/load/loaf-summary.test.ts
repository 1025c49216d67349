import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLoaf, loafParts, longestLoaf, type Loaf, type LoafScript } from './loaf-summary';

const script = (invoker: string, duration: number, forcedStyleAndLayout = 0): LoafScript => ({ invoker, invokerType: 'event-listener', duration, forcedStyleAndLayout, source: 'T@vendors.js:10' });

const frame = (over: Partial<Loaf> = {}): Loaf => ({ start: 1000, duration: 120, blocking: 20, renderStart: 1080, styleAndLayoutStart: 1090, scripts: [], ...over });

describe('loafParts', () => {
  it('splits a frame at its render start and its style and layout start', () => {
    const parts = loafParts(frame({ scripts: [script('MessagePort.onmessage', 30), script('DIV#root.onclick', 25, 12)] }));
    assert.deepEqual(parts, { beforeRender: 80, frameCallbacks: 10, styleLayoutPaint: 30, scripts: 55, forcedStyleAndLayout: 12 });
  });

  it('counts a frame that never rendered as work before render only', () => {
    const parts = loafParts(frame({ renderStart: 0, styleAndLayoutStart: 0 }));
    assert.equal(parts.beforeRender, 120);
    assert.equal(parts.frameCallbacks, 0);
    assert.equal(parts.styleLayoutPaint, 0);
  });

  it('takes a missing style and layout start as the render start (no frame callbacks)', () => {
    const parts = loafParts(frame({ styleAndLayoutStart: 0 }));
    assert.equal(parts.frameCallbacks, 0);
    assert.equal(parts.styleLayoutPaint, 40);
  });
});

describe('longestLoaf', () => {
  it('picks the longest frame starting inside the window', () => {
    const frames = [frame({ start: 10, duration: 300 }), frame({ start: 100, duration: 60 }), frame({ start: 200, duration: 90 }), frame({ start: 400, duration: 500 })];
    assert.equal(longestLoaf(frames, 50, 350)?.duration, 90);
    assert.equal(longestLoaf(frames, 600, 700), null);
  });
});

describe('formatLoaf', () => {
  it('lists the scripts longest first, at most as many as asked', () => {
    const lines = formatLoaf('scroll', frame({ scripts: [script('a', 5), script('b', 40, 3), script('c', 20)] }), 2);
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^ {2}scroll: 120 ms \(blocking 20\): before render 80, frame callbacks 10, style\+layout\+paint 30; scripts 65 \(forced style\+layout 3\)$/);
    assert.match(lines[1]!, /40 ms event-listener b \(forced 3\)/);
    assert.match(lines[2]!, /20 ms event-listener c/);
  });
});
