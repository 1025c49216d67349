import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error';
import { parseDuration } from './duration';
import { checkFilters, globToLike, lastWindow, timeSpanMs } from './filters';

describe('filters', () => {
  it('turns globs into LIKE patterns with SQL wildcards escaped', () => {
    assert.equal(globToLike('a*b?c'), 'a%b_c');
    assert.equal(globToLike('100%_x\\'), '100\\%\\_x\\\\');
  });

  it('resolves last windows against currentTime or now', () => {
    assert.deepEqual(lastWindow({ operator: 'last', duration: '1h' }, 10_000_000), { from: 10_000_000 - 3_600_000, to: 10_000_000 });
    assert.deepEqual(lastWindow({ operator: 'last', duration: '15m', currentTime: 2_000_000 }, 9), { from: 2_000_000 - 900_000, to: 2_000_000 });
  });

  it('rejects unknown operators with a stable code', () => {
    assert.throws(() => checkFilters([{ operator: 'near' }]), (e: unknown) => e instanceof AppError && e.code === 'unknown-filter-operator');
    assert.throws(() => checkFilters({}), (e: unknown) => e instanceof AppError && e.code === 'bad-request');
  });

  it('parses durations as Foxtrot writes them', () => {
    assert.equal(parseDuration('15m'), 900_000);
    assert.equal(parseDuration('1 hour'), 3_600_000);
    assert.equal(parseDuration('7d'), 604_800_000);
    assert.equal(parseDuration(500), 500);
    assert.throws(() => parseDuration('soon'), AppError);
  });

  it('finds the shortest time span the filters hold events to, and none without a time bound', () => {
    const now = 1_700_000_000_000;
    assert.equal(timeSpanMs([{ operator: 'last', duration: '1h' }], now), 3_600_000);
    assert.equal(timeSpanMs([{ operator: 'last', field: '_timestamp', duration: '7d' }, { operator: 'between', field: '_timestamp', from: now - 60_000, to: now }], now), 60_000);
    assert.equal(timeSpanMs([{ operator: 'between', field: 'data.lcp', from: 0, to: 10 }, { operator: 'equals', field: 'os', value: 'android' }], now), undefined);
    assert.equal(timeSpanMs([{ operator: 'last', field: 'data.ts', duration: '1h' }], now), undefined);
    assert.equal(timeSpanMs([], now), undefined);
  });
});
