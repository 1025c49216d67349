import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { scheduleUpdateChecks, UPDATE_CHECK_INTERVAL_MS as HOUR } from './update-checks';

function harness() {
  const state = { now: 0, visible: true, updates: 0, failNext: false, visibleListener: undefined as undefined | (() => void) };
  const stop = scheduleUpdateChecks({
    update: () => {
      state.updates++;
      return state.failNext ? Promise.reject(new Error('offline')) : Promise.resolve();
    },
    isVisible: () => state.visible,
    onVisible: (listener) => {
      state.visibleListener = listener;
      return () => (state.visibleListener = undefined);
    },
    now: () => state.now,
  });
  const pass = (ms: number) => {
    state.now += ms;
    mock.timers.tick(ms);
  };
  return { state, stop, pass };
}

describe('scheduleUpdateChecks', () => {
  it('asks for a new worker once an hour while the page is in view, and stops when told', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const { state, stop, pass } = harness();
    pass(HOUR / 2);
    assert.equal(state.updates, 0);
    pass(HOUR / 2);
    assert.equal(state.updates, 1);
    pass(HOUR);
    assert.equal(state.updates, 2);
    stop();
    pass(3 * HOUR);
    assert.equal(state.updates, 2);
    assert.equal(state.visibleListener, undefined);
    mock.timers.reset();
  });

  it('skips hidden hours and checks on coming back into view after an hour away', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const { state, stop, pass } = harness();
    state.visible = false;
    pass(3 * HOUR);
    assert.equal(state.updates, 0);
    state.visible = true;
    state.visibleListener!();
    assert.equal(state.updates, 1);
    // Back again a minute later: too soon for another check.
    pass(60_000);
    state.visibleListener!();
    assert.equal(state.updates, 1);
    stop();
    mock.timers.reset();
  });

  it('keeps checking after a failed check', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const { state, stop, pass } = harness();
    state.failNext = true;
    pass(HOUR);
    await Promise.resolve();
    state.failNext = false;
    pass(HOUR);
    assert.equal(state.updates, 2);
    stop();
    mock.timers.reset();
  });
});
