import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPushMessage } from '../../shared/push';
import { AppError } from '../errors/app-error';
import { assertPayloadFits, declarativePayload, MAX_PAYLOAD_BYTES } from './payload';
import { kindOptions } from './send-kinds';

describe('declarativePayload', () => {
  it('should write the declarative shape with absolute links that the worker reads back', () => {
    const text = declarativePayload(
      { kind: 'price_drop', title: 'Price drop', body: 'Now ₹999', url: '/phone/p/itm0000000000001', image: '/img/p/itm0000000000001/0.svg?v=1', tag: 't', actions: [{ action: 'view', title: 'View', url: '/phone/p/itm0000000000001' }], data: { productId: 'itm0000000000001' } },
      'https://shop.example',
      1700000000000,
    );
    const message = JSON.parse(text);
    assert.equal(message.web_push, 8030);
    assert.equal(message.notification.navigate, 'https://shop.example/phone/p/itm0000000000001');
    assert.equal(message.notification.image, 'https://shop.example/img/p/itm0000000000001/0.svg?v=1');
    assert.deepEqual(message.notification.actions, [{ action: 'view', title: 'View', navigate: 'https://shop.example/phone/p/itm0000000000001' }]);
    const shown = readPushMessage(text, 'https://shop.example');
    assert.equal(shown.title, 'Price drop');
    assert.equal(shown.options.data.kind, 'price_drop');
    assert.equal(shown.options.data.url, message.notification.navigate);
  });
});

describe('assertPayloadFits', () => {
  it('should refuse more than 3 KB (in UTF-8 bytes) with push-payload-too-large', () => {
    assertPayloadFits('x'.repeat(MAX_PAYLOAD_BYTES));
    assert.throws(() => assertPayloadFits('₹'.repeat(1025)), (error: unknown) => error instanceof AppError && error.code === 'push-payload-too-large');
  });
});

describe('kindOptions', () => {
  it('should keep topics within 32 URL-safe characters', () => {
    for (const subject of ['itm0123456789abc', 'order with spaces and a very long id 1234567890', 'c']) {
      for (const kind of ['price_drop', 'back_in_stock', 'order_update', 'campaign'] as const) {
        const { topic } = kindOptions(kind, subject);
        assert.match(topic, /^[A-Za-z0-9_-]{1,32}$/, `${kind} ${subject}`);
      }
    }
    assert.notEqual(kindOptions('order_update', 'a'.repeat(40)).topic, kindOptions('order_update', 'b'.repeat(40)).topic);
  });
});
