import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRecord, encodeRecord } from './log-record';
import { packDocuments, unpackColumns } from './packed-documents';

const documents = [
  { id: 'a-1', timestamp: 1_700_000_000_123, json: '{"x":"é ✓ 𝄞"}', data: {} },
  { id: 'b-2', timestamp: 1_700_000_000_456, json: '{}', data: {} },
  { id: 'c-3', timestamp: 1_700_000_000_789, json: '{"n":1}', data: {} },
];
const typed = {
  columns: [
    { path: 's', name: 'c1', type: 'VARCHAR', state: 'ready', stripped: true },
    { path: 'n', name: 'c2', type: 'DOUBLE', state: 'ready', stripped: false },
    { path: 'b', name: 'c3', type: 'BOOLEAN', state: 'ready', stripped: false },
  ],
  values: [['ü', null, 'plain'], new Float64Array([1.5, NaN, -2]), new Uint8Array([1, 2, 0])],
  json: documents.map((d) => d.json),
} as unknown as Parameters<typeof packDocuments>[1];

test('a record reads back as the documents it was written from, typed values included', () => {
  const packed = packDocuments(documents, typed);
  const frame = encodeRecord('shop', packDocuments(documents, typed));
  const read = decodeRecord(Buffer.concat([Buffer.from('junk'), frame]), 4);
  assert.ok(read);
  assert.equal(read.next, 4 + frame.length);
  assert.equal(read.record.table, 'shop');
  assert.deepEqual(unpackColumns(read.record.documents), unpackColumns(packed));
});

test('a torn or altered record is not read', () => {
  const frame = encodeRecord('shop', packDocuments(documents, typed));
  assert.equal(decodeRecord(frame.subarray(0, frame.length - 1), 0), undefined);
  assert.equal(decodeRecord(frame.subarray(0, 5), 0), undefined);
  const altered = Buffer.from(frame);
  altered[altered.length - 20]! ^= 1;
  assert.equal(decodeRecord(altered, 0), undefined);
});
