import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guestWishlistCookie, parseGuestWishlist } from './guest-wishlist';
import { countView, NOT_NOW_MS, pushCategory, shouldOffer } from './offer-rules';
import { isIos, pushAvailability } from './push-support';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1';
const IPAD = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';
const env = { userAgent: ANDROID, maxTouchPoints: 5, standalone: false, hasServiceWorker: true, hasPushManager: true, permission: 'default' as 'default' | 'granted' | 'denied' | null };

describe('pushAvailability', () => {
  it('should coach iOS Safari in a tab to install first, and ask inside the installed app', () => {
    assert.ok(isIos(IPHONE, 5) && isIos(IPAD, 5) && !isIos(IPAD, 0) && !isIos(ANDROID, 5));
    assert.equal(pushAvailability({ ...env, userAgent: IPHONE, hasPushManager: false, permission: null }), 'install-first');
    assert.equal(pushAvailability({ ...env, userAgent: IPAD }), 'install-first');
    assert.equal(pushAvailability({ ...env, userAgent: IPHONE, standalone: true }), 'ask');
  });

  it('should follow the permission elsewhere', () => {
    assert.equal(pushAvailability(env), 'ask');
    assert.equal(pushAvailability({ ...env, permission: 'granted' }), 'granted');
    assert.equal(pushAvailability({ ...env, permission: 'denied' }), 'denied');
    assert.equal(pushAvailability({ ...env, hasPushManager: false }), 'unsupported');
    assert.equal(pushAvailability({ ...env, permission: null }), 'unsupported');
  });
});

describe('shouldOffer', () => {
  const now = 1_800_000_000_000;
  const base = { availability: 'ask' as const, subscribedTopics: null, notNowUntil: 0, now };

  it('should offer after a moment when nothing stands in the way', () => {
    assert.ok(shouldOffer('wishlist', base));
    assert.ok(shouldOffer('order', { ...base, availability: 'install-first' }), 'iOS tabs get the install coach');
  });

  it('should not offer what the device already gets, nor where it cannot work', () => {
    assert.ok(!shouldOffer('wishlist', { ...base, subscribedTopics: ['price_drop', 'back_in_stock', 'offers'] }));
    assert.ok(shouldOffer('order', { ...base, subscribedTopics: ['price_drop', 'back_in_stock'] }), 'order updates are news to this device');
    assert.ok(!shouldOffer('wishlist', { ...base, availability: 'denied' }));
    assert.ok(!shouldOffer('wishlist', { ...base, availability: 'unsupported' }));
  });

  it('should keep quiet for four weeks after "not now"', () => {
    assert.ok(!shouldOffer('wishlist', { ...base, notNowUntil: now + NOT_NOW_MS }));
    assert.ok(!shouldOffer('order', { ...base, notNowUntil: now + 1 }));
    assert.ok(shouldOffer('wishlist', { ...base, notNowUntil: now }));
  });
});

describe('countView', () => {
  it('should make the second view of a product the moment, not the first or third', () => {
    let counts = {};
    const seconds: boolean[] = [];
    for (const id of ['a', 'b', 'a', 'a']) {
      const result = countView(counts, id);
      counts = result.counts;
      seconds.push(result.second);
    }
    assert.deepEqual(seconds, [false, false, true, false]);
  });

  it('should forget the oldest products past the limit', () => {
    let counts: Record<string, number> = {};
    for (let i = 0; i < 5; i++) counts = countView(counts, `p${i}`, 3).counts;
    assert.deepEqual(Object.keys(counts), ['p2', 'p3', 'p4']);
  });
});

describe('pushCategory', () => {
  it('should keep the most recent first without repeats', () => {
    assert.deepEqual(pushCategory(['books', 'mobiles'], 'mobiles'), ['mobiles', 'books']);
    assert.deepEqual(pushCategory(['a', 'b'], 'c', 2), ['c', 'a']);
  });
});

describe('guest wishlist cookie', () => {
  const a = 'itm0000000000001';
  const b = 'itm0000000000002';
  it('should read the ids and ignore anything else', () => {
    assert.deepEqual(parseGuestWishlist(`x=1; sf_wishlist=${a}.junk.${b}.${a}; y=2`), [a, b]);
    assert.deepEqual(parseGuestWishlist('x=1'), []);
  });

  it('should write the ids, and clear the cookie when empty', () => {
    assert.equal(guestWishlistCookie([a, b], true), `sf_wishlist=${a}.${b}; Path=/; SameSite=Lax; Secure; Max-Age=34560000`);
    assert.match(guestWishlistCookie([], false), /^sf_wishlist=; Path=\/; SameSite=Lax; Max-Age=0$/);
  });
});
