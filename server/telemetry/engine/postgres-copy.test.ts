import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COPY_NULL, copyRows, copyText } from './postgres-copy';

describe('copyText', () => {
  it('escapes what COPY text reads specially, and nothing else', () => {
    assert.equal(copyText('plain ünï 😀 "x"'), 'plain ünï 😀 "x"');
    assert.equal(copyText('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
    // Text that looks like COPY's NULL or end marker stays text.
    assert.notEqual(copyText('\\N'), COPY_NULL);
    assert.equal(copyText('\\N'), '\\\\N');
    assert.equal(copyText('\\.'), '\\\\.');
  });
});

describe('copyRows', () => {
  it('writes id, time, JSON and each typed column per row, with COPY NULL for missing values', () => {
    const rows = [
      { id: 'a\t1', timestamp: 1_764_547_200_000 },
      { id: 'b', timestamp: 1_764_547_200_001 },
    ];
    const text = copyRows(rows, ['{"x":"1\\n2"}', '{}'], [Float64Array.of(0.1 + 0.2, NaN), Uint8Array.of(1, 2), ['x\\y', null], Uint8Array.of(0, 0), Float64Array.of(-0, 1e21)]);
    assert.equal(
      text,
      'a\\t1\t1764547200000\t{"x":"1\\\\n2"}\t0.30000000000000004\tt\tx\\\\y\tf\t0\n' +
        'b\t1764547200001\t{}\t\\N\t\\N\t\\N\tf\t1e+21\n',
    );
    assert.equal(copyRows([], [], [Float64Array.of()]), '');
  });
});
