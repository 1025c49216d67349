import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { GzipSplice } from './gzip-splice';

const join = (parts: Buffer[], holes: Buffer[]): Buffer => Buffer.concat(parts.flatMap((part, i) => (i < holes.length ? [part, holes[i]!] : [part])));

describe('GzipSplice', () => {
  it('should produce a gzip stream that decodes to the parts joined by the holes', () => {
    const parts = ['<html><head><script nonce="', '"></script><p>', ' and again ', '</p></html>'].map((s) => Buffer.from(s));
    const holes = [0, 1, 2].map(() => Buffer.from(crypto.randomBytes(16).toString('base64')));
    const plain = join(parts, holes);
    const gz = new GzipSplice(parts).render(holes);
    assert.deepEqual(zlib.gunzipSync(gz), plain);
  });

  it('should handle empty parts, empty holes and a template without holes', () => {
    const parts = [Buffer.alloc(0), Buffer.from('x'), Buffer.alloc(0)];
    const holes = [Buffer.from('nonce'), Buffer.alloc(0)];
    assert.deepEqual(zlib.gunzipSync(new GzipSplice(parts).render(holes)), join(parts, holes));
    const single = [Buffer.from('just text '.repeat(500))];
    assert.deepEqual(zlib.gunzipSync(new GzipSplice(single).render([])), single[0]);
  });

  it('should compress large repetitive parts well', () => {
    const parts = [Buffer.from('<div class="card"></div>'.repeat(2000)), Buffer.from('</body>')];
    const holes = [Buffer.from('n')];
    const gz = new GzipSplice(parts).render(holes);
    assert.ok(gz.length < parts[0]!.length / 20, `${gz.length} bytes`);
  });

  it('should refuse a hole that does not fit in one stored block', () => {
    const parts = [Buffer.from('a'), Buffer.from('b')];
    const hole = Buffer.alloc(70_000, 1);
    assert.throws(() => new GzipSplice(parts).render([hole]), RangeError);
  });

  it('should give the same bytes from renderRepeated as from render with that hole in every slot', () => {
    const templates = [
      ['<html><script nonce="', '"></script><style nonce="', '"></style>', ' and a third "', '"</html>'],
      ['only one slot: ', ''],
      ['no slots at all'],
      ['', '', ''],
    ].map((t) => t.map((s) => Buffer.from(s.repeat(3))));
    for (const parts of templates) {
      const splice = new GzipSplice(parts);
      for (const length of [0, 1, 24, 300]) {
        for (let round = 0; round < 3; round++) {
          const hole = crypto.randomBytes(length);
          const holes = new Array<Buffer>(parts.length - 1).fill(hole);
          const repeated = splice.renderRepeated(hole);
          assert.deepEqual(repeated, splice.render(holes), `${parts.length} parts, ${length}-byte hole`);
          assert.deepEqual(zlib.gunzipSync(repeated), join(parts, holes));
        }
      }
    }
  });

  it('should give the same bytes from renderMixed as from render, whichever slots hold the fixed holes', () => {
    const parts = ['<html><script nonce="', '"></script><main>', '</main><script nonce="', '"></script>', '</html>'].map((t) => Buffer.from(t.repeat(7)));
    const splice = new GzipSplice(parts);
    const picture = (length: number) => Buffer.from('<img src="/img/p/itm1/0.svg?v=1" alt="">'.repeat(length).slice(0, length));
    // Fixed holes first, in the middle, last, two of them, none; of lengths that move the slots after them.
    const layouts: Array<Array<Buffer | null>> = [
      [null, picture(40), null, null],
      [picture(1), null, null, null],
      [null, null, null, picture(300)],
      [null, picture(0), picture(77), null],
      [null, null, null, null],
    ];
    for (const fixed of layouts) {
      const mixed = splice.mixedHoles(fixed, 24);
      const bodies: Array<{ body: Buffer; copy: Buffer; plain: Buffer }> = [];
      for (let round = 0; round < 4; round++) {
        const nonce = Buffer.from(crypto.randomBytes(18).toString('base64'));
        const holes = fixed.map((hole) => hole ?? nonce);
        const body = splice.renderMixed(mixed, nonce);
        assert.deepEqual(body, splice.render(holes), fixed.map((hole) => hole?.length ?? 'nonce').join(', '));
        bodies.push({ body, copy: Buffer.from(body), plain: join(parts, holes) });
      }
      // Each response has bytes of its own: later responses leave earlier ones as they were sent.
      for (const { body, copy, plain } of bodies) {
        assert.deepEqual(body, copy);
        assert.deepEqual(zlib.gunzipSync(body), plain);
      }
    }
  });

  it('should refuse a repeated hole of another length than prepared, and a wrong number of holes', () => {
    const splice = new GzipSplice([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    assert.throws(() => splice.renderMixed(splice.mixedHoles([null, Buffer.from('x')], 24), Buffer.alloc(23)), RangeError);
    assert.throws(() => splice.mixedHoles([null], 24), RangeError);
  });
});
