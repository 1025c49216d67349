import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from './csv';
import { makeTable } from './fql/table';

describe('csv', () => {
  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
  });

  it('keeps formula-like cells as text but leaves negative numbers alone', () => {
    assert.equal(csvCell('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvCell('-12.5'), '-12.5');
  });

  it('writes a header line and CRLF-terminated rows, empty for null', () => {
    assert.equal(toCsv(makeTable(['a', 'b'], [[1, null], ['x,y', true]])), 'a,b\r\n1,\r\n"x,y",true\r\n');
  });
});
