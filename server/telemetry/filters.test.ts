import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error';
import { parseDuration } from './duration';
import { checkFilters, globToLike, lastWindow } from './filters';

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
});
