import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppendLog, deleteSegments, readLog } from './append-log';
import { encodeRecord } from './log-record';
import { packDocuments } from './packed-documents';

const frame = (id: string) => encodeRecord('shop', packDocuments([{ id, timestamp: 1_700_000_000_000, json: '{}', data: {} }]));
const ids = (records: { documents: { text: string } }[]) => records.map((r) => r.documents.text.replace('{}', ''));

test('the log reads back every record written, in order, across segments', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const first = new AppendLog(dir);
  // Written together (one group), numbered in order.
  assert.deepEqual(await Promise.all([first.append(frame('a')), first.append(frame('b'))]), [1, 2]);
  assert.equal(await first.append(frame('c')), 3);
  await first.close(false);
  assert.deepEqual(ids(readLog(dir).records), ['a', 'b', 'c']);
  const second = new AppendLog(dir);
  await second.append(frame('d'));
  await second.close(false);
  const { records, segments } = readLog(dir);
  assert.deepEqual(ids(records), ['a', 'b', 'c', 'd']);
  assert.equal(segments.length, 2);
  deleteSegments(dir, segments);
  assert.deepEqual(readLog(dir).records, []);
});

test('a torn record at the end is cut off, and what follows it is readable again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const log = new AppendLog(dir);
  await log.append(frame('a'));
  await log.close(false);
  const file = path.join(dir, fs.readdirSync(dir)[0]!);
  fs.appendFileSync(file, frame('torn').subarray(0, 30));
  assert.deepEqual(ids(readLog(dir).records), ['a']);
  assert.equal(fs.statSync(file).size, frame('a').length);
  const next = new AppendLog(dir);
  await next.append(frame('b'));
  await next.close(false);
  assert.deepEqual(ids(readLog(dir).records), ['a', 'b']);
});

test('closing with everything loaded deletes the segments', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const log = new AppendLog(dir);
  await log.append(frame('a'));
  log.loaded(1);
  await log.close(true);
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('a closed segment is deleted once every frame it holds is loaded, not before', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  // Every write fills a segment.
  const log = new AppendLog(dir, 1);
  for (const id of ['a', 'b', 'c']) await log.append(frame(id));
  log.loaded(1);
  assert.deepEqual(ids(readLog(dir).records), ['b', 'c']);
  log.loaded(3);
  assert.deepEqual(readLog(dir).records, []);
  await log.close(false);
});
