import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppendLog } from './append-log';
import { encodeRecord } from './log-record';
import { packDocuments } from './packed-documents';

const frame = (id: string) => encodeRecord('shop', packDocuments([{ id, timestamp: 1_700_000_000_000, json: '{}', data: {} }]));
const ids = (records: { documents: { text: string } }[]) => records.map((r) => r.documents.text.replace('{}', ''));

test('a reopened log gives back every record its segments hold, in order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const first = AppendLog.open(dir);
  assert.deepEqual(first.unloaded, []);
  first.log.append([frame('a'), frame('b')]);
  first.log.append([frame('c')]);
  first.log.close();
  const again = AppendLog.open(dir);
  assert.deepEqual(ids(again.unloaded), ['a', 'b', 'c']);
  again.log.append([frame('d')]);
  again.log.close();
  // Writing went on in a segment of its own, read after the first.
  assert.equal(fs.readdirSync(dir).length, 2);
  assert.deepEqual(ids(AppendLog.open(dir).unloaded), ['a', 'b', 'c', 'd']);
});

test('a torn record at the end is cut off, and what follows it is readable again', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const { log } = AppendLog.open(dir);
  log.append([frame('a')]);
  log.close();
  const file = path.join(dir, fs.readdirSync(dir)[0]!);
  fs.appendFileSync(file, frame('torn').subarray(0, 30));
  const reopened = AppendLog.open(dir);
  assert.deepEqual(ids(reopened.unloaded), ['a']);
  assert.equal(fs.statSync(file).size, frame('a').length);
  reopened.log.append([frame('b')]);
  reopened.log.close();
  assert.deepEqual(ids(AppendLog.open(dir).unloaded), ['a', 'b']);
});

test('rotating after a load deletes the segments it covered', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'append-log-'));
  const { log } = AppendLog.open(dir);
  log.append([frame('a')]);
  log.rotate();
  log.append([frame('b')]);
  log.close();
  assert.equal(fs.readdirSync(dir).length, 1);
  assert.deepEqual(ids(AppendLog.open(dir).unloaded), ['b']);
});
