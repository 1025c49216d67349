import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from './document';

describe('checkDocument', () => {
  it('accepts a document and defaults the timestamp to now', () => {
    const checked = checkDocument({ id: 'a', data: { x: 1 } }, 42);
    assert.ok(checked.ok);
    const { id, timestamp, data, json } = checked.document;
    assert.deepEqual({ id, timestamp, data, json }, { id: 'a', timestamp: 42, json: '{"x":1}', data: { x: 1 } });
    assert.equal(checkDocument({ id: 7, timestamp: 5, data: {} }, 42).ok, true);
  });

  it('rejects ids with an unpaired surrogate, and keeps paired ones (emoji)', () => {
    const lone = checkDocument({ id: 'a\ud800b', data: {} }, 42);
    assert.equal(lone.ok, false);
    assert.match(!lone.ok ? lone.reason.message : '', /unpaired surrogate/);
    assert.equal(checkDocument({ id: 'b\udc00', data: {} }, 42).ok, false);
    assert.equal(checkDocument({ id: 'ok-😀', data: {} }, 42).ok, true);
  });

  it('rejects data with an unpaired surrogate in a value or a key, but not an escaped backslash before "ud…"', () => {
    assert.equal(checkDocument({ id: 'a', data: { x: 'a\udc21' } }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { deep: [{ ['\ud800']: 1 }] } }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { x: '\\ud800 is text' } }, 42).ok, true);
    assert.equal(checkDocument({ id: 'a', data: { x: '\\\ud800' } }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { x: '😀' } }, 42).ok, true);
  });

  it('rejects the NUL character in ids and data (PostgreSQL cannot store it), but not the text "\\u0000"', () => {
    assert.equal(checkDocument({ id: 'a\u0000', data: {} }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { x: 'a\u0000b' } }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { ['\u0000']: 1 } }, 42).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { x: '\\u0000 is text' } }, 42).ok, true);
  });

  it('rejects timestamps more than five minutes ahead', () => {
    assert.equal(checkDocument({ id: 'a', timestamp: 42 + 5 * 60_000, data: {} }, 42).ok, true);
    assert.equal(checkDocument({ id: 'a', timestamp: 43 + 5 * 60_000, data: {} }, 42).ok, false);
  });

  it('rejects missing ids, non-object data, bad timestamps, deep nesting and large documents', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 21; i++) deep = { d: deep };
    const bad = [null, [], { data: {} }, { id: '', data: {} }, { id: 'a' }, { id: 'a', data: [1] }, { id: 'a', data: 'x' }, { id: 'a', timestamp: -1, data: {} }, { id: 'a', timestamp: '1', data: {} }, { id: 'a', data: deep }, { id: 'a', data: { s: 'é'.repeat(17 * 1024) } }];
    for (const doc of bad) {
      const checked = checkDocument(doc, 1);
      assert.equal(checked.ok, false, JSON.stringify(doc)?.slice(0, 60));
      if (!checked.ok) assert.equal(checked.reason.code, 'invalid-document');
    }
  });

  it('measures the size of the JSON as written: escapes count, a bound alone never refuses', () => {
    assert.equal(checkDocument({ id: 'a', data: { s: 'a'.repeat(32_000) } }, 1).ok, true);
    assert.equal(checkDocument({ id: 'a', data: { s: 'a'.repeat(32 * 1024) } }, 1).ok, false);
    // 6,000 characters, each written as a 6-byte escape: 36,000 bytes.
    assert.equal(checkDocument({ id: 'a', data: { s: '\u0001'.repeat(6000) } }, 1).ok, false);
    assert.equal(checkDocument({ id: 'a', data: { s: '\u0001'.repeat(5000) } }, 1).ok, true);
  });

  it('keeps the data as JSON.stringify writes it, keys, escapes and nesting included', () => {
    const data = { s: 'quote " back \\ tab \t é 😀', n: [1, -0, 1.5e-7, { deep: [null, true] }], ['__proto__']: { x: 1 } };
    const checked = checkDocument({ id: 'a', data }, 1);
    assert.ok(checked.ok);
    assert.equal(checked.document.json, JSON.stringify(data));
  });

  it('reports nesting before text problems, as before', () => {
    let deep: Record<string, unknown> = { bad: '\ud800' };
    for (let i = 0; i < 21; i++) deep = { d: deep, nul: 'a\u0000' };
    const checked = checkDocument({ id: 'a', data: deep }, 1);
    assert.match(!checked.ok ? checked.reason.message : '', /nested deeper/);
    const both = checkDocument({ id: 'a', data: { x: '\ud800\u0000' } }, 1);
    assert.match(!both.ok ? both.reason.message : '', /unpaired surrogate/);
  });

  it('accepts nesting of exactly 20 levels', () => {
    let doc: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 19; i++) doc = { d: doc };
    assert.equal(checkDocument({ id: 'a', data: doc }, 1).ok, true);
  });
});
