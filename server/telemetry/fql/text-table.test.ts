import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeTable } from './table';
import { renderText, terminalSafe } from './text-table';

describe('renderText', () => {
  it('should draw a table sized to its cells', () => {
    assert.equal(renderText(makeTable(['os', 'count'], [['android', 3]])), '+---------+-------+\n| os      | count |\n+---------+-------+\n| android | 3     |\n+---------+-------+\n');
  });

  it('should print posted escape sequences and control characters as text, never run them', () => {
    const hostile = '\u001b[2J\u001b[31mred\u001b[0m\u0007\rover\u001b]0;title\u0007\u009b1m\u202eevil';
    const text = renderText(makeTable([`x\u001b[1m`], [[hostile]]));
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    assert.match(text, /red/);
    assert.match(text, /over/);
    // Every line is as wide as the frame: nothing invisible is left to shift the columns.
    const widths = new Set(text.trimEnd().split('\n').map((l) => l.length));
    assert.equal(widths.size, 1);
  });

  it('should keep ordinary Unicode', () => {
    assert.equal(terminalSafe('नमस्ते ₹499 😀'), 'नमस्ते ₹499 😀');
  });
});
