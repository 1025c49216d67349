import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from './document';

describe('checkDocument', () => {
  it('accepts a document and defaults the timestamp to now', () => {
    assert.deepEqual(checkDocument({ id: 'a', data: { x: 1 } }, 42), { ok: true, document: { id: 'a', timestamp: 42, json: '{"x":1}', data: { x: 1 } } });
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

  it('accepts nesting of exactly 20 levels', () => {
    let doc: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 19; i++) doc = { d: doc };
    assert.equal(checkDocument({ id: 'a', data: doc }, 1).ok, true);
  });
});
