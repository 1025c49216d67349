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
    assert.equal(csvCell('+91'), '+91');
    assert.equal(csvCell('-1e-7'), '-1e-7');
  });

  it('guards every cell that is not wholly a number, whatever it starts with', () => {
    for (const text of ['-1+HYPERLINK("http://x.example","y")', '-2+3', '+1-cmd|x', '-1,2', '-0x1', '@SUM(1)', '\t=1', '-1\n=2', '- 1']) {
      assert.ok(csvCell(text).replace(/^"/, '').startsWith("'"), text);
    }
  });

  it('writes a header line and CRLF-terminated rows, empty for null', () => {
    assert.equal(toCsv(makeTable(['a', 'b'], [[1, null], ['x,y', true]])), 'a,b\r\n1,\r\n"x,y",true\r\n');
  });
});
