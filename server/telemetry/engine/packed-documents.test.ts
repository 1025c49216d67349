import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { packDocuments, transferables, unpackColumns } from './packed-documents';

const documents = [
  { id: 'a-1', timestamp: 1_700_000_000_000, json: '{"os":"android"}' },
  { id: 'ünï-😀', timestamp: 0, json: '{"name":"Zoë 😀","n":[1,2]}' },
  { id: '42', timestamp: Number.MAX_SAFE_INTEGER, json: '{}' },
].map((d) => ({ ...d, data: JSON.parse(d.json) as Record<string, unknown> }));
const column = (name: string, type: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN') => ({ path: name, name, type, state: 'ready' as const, mixed: false, stripped: false });
const typed = {
  columns: [column('c1', 'VARCHAR'), column('c2', 'DOUBLE'), column('c3', 'BOOLEAN')],
  values: [['android', null, 'x'], new Float64Array([1.5, NaN, -2]), new Uint8Array([1, 2, 0])],
  json: ['{}', documents[1]!.json, '{"rest":1}'],
};

describe('packed documents', () => {
  it('unpack gives back every id, timestamp and JSON text in order, non-ASCII included', () => {
    const columns = unpackColumns(packDocuments(documents));
    assert.deepEqual(columns.ids, documents.map((d) => d.id));
    assert.deepEqual([...columns.timestamps], documents.map((d) => d.timestamp));
    assert.deepEqual(columns.json, documents.map((d) => d.json));
  });

  it('survives a post to another thread with its arrays transferred, typed column values too', () => {
    const packed = packDocuments(documents, typed);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferables(packed));
    assert.equal(packed.timestamps.length, 0, 'the timestamps buffer moved, not copied');
    assert.equal((packed.columns[1]!.values as Float64Array).length, 0, 'the numbers moved, not copied');
    const received = unpackColumns(receiveMessageOnPort(port2)!.message as typeof packed);
    assert.deepEqual(received.json, typed.json, 'the JSON as stored, without the fields in columns');
    assert.deepEqual(received.columns.map((c) => [c.name, c.type]), [['c1', 'VARCHAR'], ['c2', 'DOUBLE'], ['c3', 'BOOLEAN']]);
    assert.deepEqual(received.columns[0]!.values, ['android', null, 'x']);
    assert.deepEqual([...(received.columns[1]!.values as Float64Array)], [1.5, NaN, -2]);
    assert.deepEqual([...(received.columns[2]!.values as Uint8Array)], [1, 2, 0]);
    port1.close();
  });

  it('packs nothing as nothing', () => {
    const columns = unpackColumns(packDocuments([]));
    assert.deepEqual(columns, { ids: [], timestamps: new Float64Array(0), json: [], columns: [] });
  });
});
