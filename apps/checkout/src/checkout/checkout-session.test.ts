import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_SESSION, finishSession, readSession, startFromCart, updateSession } from './checkout-session';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string): string | null => data.get(k) ?? null,
    setItem: (k: string, v: string): void => void data.set(k, v),
    removeItem: (k: string): void => void data.delete(k),
  };
}

describe('checkout session', () => {
  it('should start empty and keep what each step adds', () => {
    const storage = memoryStorage();
    assert.deepEqual(readSession(storage), EMPTY_SESSION);
    updateSession({ addressId: 'a1' }, storage);
    updateSession({ confirmed: { addressId: 'a1', total: 100, itemCount: 1 }, orderKey: 'k1' }, storage);
    assert.deepEqual(readSession(storage), { ...EMPTY_SESSION, addressId: 'a1', confirmed: { addressId: 'a1', total: 100, itemCount: 1 }, orderKey: 'k1' });
  });

  it('should forget the lines and the confirmation when checkout starts again from the cart, keeping the address and an unanswered key', () => {
    const storage = memoryStorage();
    updateSession({ addressId: 'a1', lines: [], confirmed: { addressId: 'a1', total: 1, itemCount: 1 }, orderKey: 'k1' }, storage);
    assert.deepEqual(startFromCart({ 'p1/': 100 }, storage), { ...EMPTY_SESSION, addressId: 'a1', orderKey: 'k1', seenPrices: { 'p1/': 100 } });
  });

  it('should keep only the address once the order is placed or queued', () => {
    const storage = memoryStorage();
    updateSession({ addressId: 'a2', orderKey: 'k', queuedKey: 'q', seenPrices: { 'p/': 1 } }, storage);
    assert.deepEqual(finishSession(storage), { ...EMPTY_SESSION, addressId: 'a2' });
  });

  it('should read anything unreadable as a fresh start', () => {
    const storage = memoryStorage();
    storage.data.set('sf.checkout', '{not json');
    assert.deepEqual(readSession(storage), EMPTY_SESSION);
    storage.data.set('sf.checkout', '42');
    assert.deepEqual(readSession(storage), EMPTY_SESSION);
  });
});
