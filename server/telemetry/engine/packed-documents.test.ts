import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { packDocuments, transferables, unpackColumns } from './packed-documents';

const documents = [
  { id: 'a-1', timestamp: 1_700_000_000_000, json: '{"os":"android"}' },
  { id: 'ünï-😀', timestamp: 0, json: '{"name":"Zoë 😀","n":[1,2]}' },
  { id: '42', timestamp: Number.MAX_SAFE_INTEGER, json: '{}' },
];

describe('packed documents', () => {
  it('unpack gives back every id, timestamp and JSON text in order, non-ASCII included', () => {
    const columns = unpackColumns(packDocuments(documents));
    assert.deepEqual(columns.ids, documents.map((d) => d.id));
    assert.deepEqual([...columns.timestamps], documents.map((d) => d.timestamp));
    assert.deepEqual(columns.json, documents.map((d) => d.json));
  });

  it('survives a post to another thread with its arrays transferred', () => {
    const packed = packDocuments(documents);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferables(packed));
    assert.equal(packed.timestamps.length, 0, 'the timestamps buffer moved, not copied');
    const received = receiveMessageOnPort(port2)!.message as typeof packed;
    assert.deepEqual(unpackColumns(received).json, documents.map((d) => d.json));
    port1.close();
  });

  it('packs nothing as nothing', () => {
    const columns = unpackColumns(packDocuments([]));
    assert.deepEqual(columns, { ids: [], timestamps: new Float64Array(0), json: [] });
  });
});
