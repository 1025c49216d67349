import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IMAGE_KINDS, imageUrl, parseImageSpec, type ImageSpec } from './image-spec';
import { renderProductSvg } from './render-svg';
import { LruCache } from './svg-cache';

const spec = (kind: ImageSpec['kind'], label = 'Atomic Habits & <Friends>'): ImageSpec => ({
  kind,
  label,
  sublabel: 'James Clear',
  shots: [{ hex: '#3a6fd8', view: 0, alt: 'front "quoted"' }, { hex: '#f2f3f5', view: 1, alt: 'back' }],
});

describe('renderProductSvg()', () => {
  for (const kind of IMAGE_KINDS) {
    it(`should draw a square ${kind} under 3 KB in both views`, () => {
      for (const index of [0, 1]) {
        const svg = renderProductSvg(spec(kind), index)!;
        assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400" height="400" viewBox="0 0 400 400"/);
        assert.ok(Buffer.byteLength(svg) < 3072, `${Buffer.byteLength(svg)} bytes`);
      }
    });
  }

  it('should escape labels and alt text', () => {
    const svg = renderProductSvg(spec('book'), 0)!;
    assert.ok(!svg.includes('<Friends>') && svg.includes('&#60;Friends'));
    assert.ok(svg.includes('front &#34;quoted&#34;'));
  });

  it('should tint the drawing in the shot colour and be deterministic', () => {
    assert.ok(renderProductSvg(spec('phone'), 0)!.includes('#3a6fd8'));
    assert.equal(renderProductSvg(spec('phone'), 1), renderProductSvg(spec('phone'), 1));
  });

  it('should have nothing for a missing shot', () => {
    assert.equal(renderProductSvg(spec('shoe'), 2), undefined);
  });

  it('should reject stored specs it did not write', () => {
    assert.throws(() => parseImageSpec('{"kind":"rocket","shots":[]}'));
  });

  it('should version image URLs', () => {
    assert.equal(imageUrl('itm0123456789abc', 2), '/img/p/itm0123456789abc/2.svg?v=1');
  });
});

describe('LruCache', () => {
  it('should drop the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.size, 2);
  });
  it('should refuse a useless capacity', () => {
    assert.throws(() => new LruCache(0), TypeError);
  });
});
