import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTelemetryPost } from './request-kind';

describe('isTelemetryPost', () => {
  it('should match same-origin posts to the telemetry API only', () => {
    assert.equal(isTelemetryPost(new URL('https://shop.test/foxtrot/v1/document/storefront/bulk'), 'POST', true), true);
    assert.equal(isTelemetryPost(new URL('https://shop.test/foxtrot/v1/document/storefront/bulk'), 'POST', false), false);
    assert.equal(isTelemetryPost(new URL('https://shop.test/foxtrot/v1/tables'), 'GET', true), false);
    assert.equal(isTelemetryPost(new URL('https://shop.test/api/cart/items'), 'POST', true), false);
  });
});
