import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appVersionOf, readDevice } from './device';

describe('readDevice', () => {
  it('reads Android and Chrome', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';
    assert.deepEqual(readDevice(ua), { os: 'android', osVersion: '14', browser: 'chrome' });
  });
  it('reads iOS and Safari', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';
    assert.deepEqual(readDevice(ua), { os: 'ios', osVersion: '17.2', browser: 'safari' });
  });
  it('tells Samsung Internet from Chrome', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36';
    assert.equal(readDevice(ua).browser, 'samsung');
  });
  it('says unknown for what it cannot read', () => {
    assert.deepEqual(readDevice('curl/8.0'), { os: 'unknown', osVersion: 'unknown', browser: 'unknown' });
  });
});

describe('appVersionOf', () => {
  it('reads major and minor from a version-like release', () => {
    assert.deepEqual(appVersionOf('2026.11.3'), { major: 2026, minor: 11 });
    assert.deepEqual(appVersionOf('v2.4'), { major: 2, minor: 4 });
  });
  it('is 0.0 for other labels', () => {
    assert.deepEqual(appVersionOf('dev'), { major: 0, minor: 0 });
  });
});
