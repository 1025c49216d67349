import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHOTO_PATH, photoSrcset, photoUrl } from './product-images';

const photo = { key: '0123456789abcdef01234567', width: 1200, height: 1200, widths: [200, 400, 600], placeholder: 'data:image/webp;base64,AA' };

describe('product image URLs', () => {
  it('should build versioned, content-addressed URLs the server route matches', () => {
    const url = photoUrl(photo, 400, 'avif');
    assert.equal(url, '/img/v1/0123456789abcdef01234567/400.avif');
    assert.deepEqual(PHOTO_PATH.exec(url)?.slice(1), ['1', '0123456789abcdef01234567', '400', 'avif']);
    assert.equal(PHOTO_PATH.exec('/img/v1/../400.avif'), null);
  });
  it('should list every width in a srcset', () => {
    assert.equal(photoSrcset(photo, 'webp'), '/img/v1/0123456789abcdef01234567/200.webp 200w, /img/v1/0123456789abcdef01234567/400.webp 400w, /img/v1/0123456789abcdef01234567/600.webp 600w');
  });
});
