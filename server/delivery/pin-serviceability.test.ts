import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unserviceableReason } from './pin-serviceability';

describe('unserviceableReason', () => {
  it('should answer null for PIN codes couriers reach, remote ones included', () => {
    for (const pin of ['560001', '110017', '781001', '744101', '682555', '194101']) assert.equal(unserviceableReason(pin), null);
  });

  it('should say why the Army Postal Service is not reached', () => {
    assert.match(unserviceableReason('999001') ?? '', /Army Postal Service/);
    assert.match(unserviceableReason('900056') ?? '', /Army Postal Service/);
  });

  it('should refuse what is not a PIN code', () => {
    for (const bad of ['012345', '56001', '5600011', 'abcdef', '', ' 560001']) assert.throws(() => unserviceableReason(bad), TypeError);
  });
});
