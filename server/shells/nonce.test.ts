import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createNonce, NONCE_LENGTH, nextNonce } from './nonce';

/** More nonces than several pools hold, so that refills are crossed. */
const MANY = 3000;

describe('nextNonce()', () => {
  it('should give 24 base64 characters of 18 random bytes, as text and as the same bytes', () => {
    for (let i = 0; i < MANY; i++) {
      const { text, bytes } = nextNonce();
      assert.equal(NONCE_LENGTH, 24);
      assert.match(text, /^[A-Za-z0-9+/]{24}$/);
      assert.equal(Buffer.from(text, 'base64').length, 18);
      assert.equal(bytes.toString('latin1'), text);
    }
  });

  it('should never give the same nonce twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < MANY; i++) seen.add(nextNonce().text);
    seen.add(createNonce());
    assert.equal(seen.size, MANY + 1);
  });

  it('should keep a nonce\'s bytes as they were while later nonces are drawn (each pool is new memory)', () => {
    const first = nextNonce();
    const copy = Buffer.from(first.bytes);
    for (let i = 0; i < MANY; i++) nextNonce();
    assert.deepEqual(first.bytes, copy);
  });

  it('should draw every bit evenly (no constant or predictable bits from the pooling)', () => {
    // Each of the 144 bits is set in about half of the nonces; 3,000 draws put a fair bit within
    // 40-60 % (11 standard deviations), and a stuck or copied bit far outside.
    const ones = new Array<number>(144).fill(0);
    let previous = Buffer.alloc(18);
    let sameAsPrevious = 0;
    for (let i = 0; i < MANY; i++) {
      const raw = Buffer.from(nextNonce().text, 'base64');
      for (let bit = 0; bit < 144; bit++) ones[bit]! += (raw[bit >> 3]! >> (bit & 7)) & 1;
      for (let byte = 0; byte < 18; byte++) if (raw[byte] === previous[byte]) sameAsPrevious++;
      previous = raw;
    }
    for (const [bit, count] of ones.entries()) assert.ok(count > MANY * 0.4 && count < MANY * 0.6, `bit ${bit} set ${count} times in ${MANY}`);
    // Bytes equal to the previous nonce's at the same place: 1 in 256 by chance.
    assert.ok(sameAsPrevious < (MANY * 18) / 256 * 2, `${sameAsPrevious} bytes repeated from the previous nonce`);
  });
});
