import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickUrl, planClick } from './click-target';

const ORIGIN = 'https://shop.example';
const tab = (url: string, focused = false) => ({ url, focused });

describe('planClick', () => {
  it('should bring forward a tab already on the page', () => {
    const on = tab(`${ORIGIN}/phone/p/itm1`);
    assert.deepEqual(planClick([tab(`${ORIGIN}/`, true), on], on.url, ORIGIN), { kind: 'focus', client: on });
  });

  it('should take a tab of the shop there, the focused one first', () => {
    const focused = tab(`${ORIGIN}/cart`, true);
    assert.deepEqual(planClick([tab(`${ORIGIN}/`), focused], `${ORIGIN}/x`, ORIGIN), { kind: 'navigate', client: focused });
    const only = tab(`${ORIGIN}/`);
    assert.deepEqual(planClick([only], `${ORIGIN}/x`, ORIGIN), { kind: 'navigate', client: only });
  });

  it('should open a window when no tab of the shop is open', () => {
    assert.deepEqual(planClick([tab('https://other.example/', true)], `${ORIGIN}/x`, ORIGIN), { kind: 'open' });
    assert.deepEqual(planClick([], `${ORIGIN}/x`, ORIGIN), { kind: 'open' });
  });
});

describe('clickUrl', () => {
  const data = { url: `${ORIGIN}/p/1`, actions: { buy: `${ORIGIN}/cart`, evil: 'https://evil.example/' } };
  it('should follow the tapped action, else the notification', () => {
    assert.equal(clickUrl(data, 'buy', ORIGIN), `${ORIGIN}/cart`);
    assert.equal(clickUrl(data, '', ORIGIN), `${ORIGIN}/p/1`);
    assert.equal(clickUrl(data, 'unknown', ORIGIN), `${ORIGIN}/p/1`);
  });

  it('should stay on the shop', () => {
    assert.equal(clickUrl(data, 'evil', ORIGIN), `${ORIGIN}/`);
    assert.equal(clickUrl(null, '', ORIGIN), `${ORIGIN}/`);
  });
});
