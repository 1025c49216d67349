import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPushTopic, readPushMessage, sameOriginUrl } from './push';

const ORIGIN = 'https://shop.example';

describe('readPushMessage', () => {
  it('should show a declarative push with every field the worker passes on', () => {
    const shown = readPushMessage(
      JSON.stringify({
        web_push: 8030,
        notification: {
          title: 'Price drop',
          body: 'Now ₹999',
          navigate: 'https://shop.example/phone/p/itm0000000000001',
          icon: '/icons/icon-192.png',
          badge: '/icons/badge.png',
          image: 'https://shop.example/img/itm0000000000001/0.svg',
          tag: 'price-drop-itm0000000000001',
          lang: 'en-IN',
          dir: 'ltr',
          timestamp: 1700000000000,
          actions: [{ action: 'view', title: 'View', navigate: '/phone/p/itm0000000000001?from=push' }],
          data: { kind: 'price_drop', productId: 'itm0000000000001' },
        },
      }),
      ORIGIN,
    );
    assert.equal(shown.title, 'Price drop');
    assert.equal(shown.options.body, 'Now ₹999');
    assert.equal(shown.options.icon, 'https://shop.example/icons/icon-192.png');
    assert.equal(shown.options.badge, 'https://shop.example/icons/badge.png');
    assert.equal(shown.options.image, 'https://shop.example/img/itm0000000000001/0.svg');
    assert.equal(shown.options.tag, 'price-drop-itm0000000000001');
    assert.equal(shown.options.timestamp, 1700000000000);
    assert.deepEqual(shown.options.actions, [{ action: 'view', title: 'View' }]);
    assert.equal(shown.options.data.url, 'https://shop.example/phone/p/itm0000000000001');
    assert.deepEqual(shown.options.data.actions, { view: 'https://shop.example/phone/p/itm0000000000001?from=push' });
    assert.equal(shown.options.data.productId, 'itm0000000000001');
  });

  it('should show a plain JSON push, taking the link from url or data.url', () => {
    const shown = readPushMessage(JSON.stringify({ title: 'Hello', body: 'World', url: '/cart' }), ORIGIN);
    assert.equal(shown.title, 'Hello');
    assert.equal(shown.options.data.url, 'https://shop.example/cart');
    const fromData = readPushMessage(JSON.stringify({ title: 'Hi', data: { url: '/search?q=tv' } }), ORIGIN);
    assert.equal(fromData.options.data.url, 'https://shop.example/search?q=tv');
  });

  it('should show bare text under the shop name, linking home', () => {
    const shown = readPushMessage('Your order has shipped', ORIGIN);
    assert.equal(shown.title, 'Storefront');
    assert.equal(shown.options.body, 'Your order has shipped');
    assert.equal(shown.options.data.url, 'https://shop.example/');
  });

  it('should keep every link on the shop\'s origin', () => {
    const shown = readPushMessage(JSON.stringify({ web_push: 8030, notification: { title: 'x', navigate: 'https://evil.example/login?x=1#y', image: 'javascript:alert(1)' } }), ORIGIN);
    assert.equal(shown.options.data.url, 'https://shop.example/login?x=1#y');
    assert.equal(shown.options.image, 'https://shop.example/');
  });

  it('should leave out what the push did not say, and cut overlong text', () => {
    const shown = readPushMessage(JSON.stringify({ web_push: 8030, notification: { title: 't'.repeat(400), navigate: '/' } }), ORIGIN);
    assert.equal(shown.title.length, 200);
    assert.deepEqual(Object.keys(shown.options), ['data']);
  });
});

describe('sameOriginUrl', () => {
  it('should resolve paths and rehome other origins', () => {
    assert.equal(sameOriginUrl('/a?b=1', ORIGIN), 'https://shop.example/a?b=1');
    assert.equal(sameOriginUrl('http://localhost:3000/p', ORIGIN), 'https://shop.example/p');
    assert.equal(sameOriginUrl('data:text/html,hi', ORIGIN), 'https://shop.example/');
  });
});

describe('isPushTopic', () => {
  it('should know the four topics and nothing else', () => {
    for (const topic of ['price_drop', 'back_in_stock', 'order_updates', 'offers']) assert.ok(isPushTopic(topic));
    for (const other of ['price-drop', '', null, 1]) assert.ok(!isPushTopic(other));
  });
});
