import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { widthsFor } from '../processing/encode-photo';
import { sniffFormat } from '../processing/upload-limits';
import { FsImageStore } from './fs-image-store';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'image-store-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

describe('FsImageStore', () => {
  const store = new FsImageStore(root);
  const hash = 'ab'.repeat(32);

  it('should keep originals by hash and derived files by key, and say when one is missing', async () => {
    await store.putOriginal(hash, 'png', Buffer.from('png bytes'));
    assert.equal((await store.getOriginal(hash))?.toString(), 'png bytes');
    assert.ok(fs.existsSync(path.join(root, 'originals', 'ab', `${hash}.png`)));
    await store.putDerived('0123456789abcdef01234567', '400.avif', Buffer.from('avif'));
    assert.equal((await store.getDerived('0123456789abcdef01234567', '400.avif'))?.toString(), 'avif');
    assert.equal(await store.getDerived('0123456789abcdef01234567', '200.avif'), undefined);
    assert.equal(await store.getOriginal('cd'.repeat(32)), undefined);
  });

  it('should leave no temporary files behind', () => {
    const files = fs.readdirSync(root, { recursive: true }).map(String);
    assert.ok(files.every((file) => !file.endsWith('.tmp')), files.join(', '));
  });

  it('should refuse addresses that could escape its folder', async () => {
    await assert.rejects(store.getDerived('../../etc', 'passwd'), TypeError);
    await assert.rejects(store.getDerived('0123456789abcdef01234567', '../400.avif'), TypeError);
    await assert.rejects(store.putOriginal('../x', 'jpeg', Buffer.alloc(1)), TypeError);
  });
});

describe('upload checks', () => {
  it('should tell JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    assert.equal(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'png');
    assert.equal(sniffFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')), 'webp');
    for (const other of ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'GIF89a', 'RIFF\0\0\0\0WAVEfmt ', '']) assert.equal(sniffFormat(Buffer.from(other, 'latin1')), undefined, other);
  });

  it('should encode the page widths a photo can fill, never enlarging past the smallest', () => {
    assert.deepEqual(widthsFor(3000), [200, 400, 600, 800, 1200]);
    assert.deepEqual(widthsFor(700), [200, 400, 600]);
    assert.deepEqual(widthsFor(200), [200]);
  });
});
