import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveryZone, estimateDelivery } from './delivery-estimate';

/** An instant given as IST wall-clock time. */
const ist = (iso: string) => Date.parse(`${iso}+05:30`);

describe('deliveryZone', () => {
  it('should put warehouse districts first, then metros, warehouse regions, the rest and remote places', () => {
    assert.equal(deliveryZone('560001'), 'local');
    assert.equal(deliveryZone('110017'), 'local');
    assert.equal(deliveryZone('600028'), 'metro');
    assert.equal(deliveryZone('411014'), 'metro');
    assert.equal(deliveryZone('452001'), 'regional'); // Indore: region 4, no warehouse district
    assert.equal(deliveryZone('302001'), 'national'); // Jaipur
    assert.equal(deliveryZone('781001'), 'remote'); // Guwahati
    assert.equal(deliveryZone('190001'), 'remote'); // Srinagar
    assert.equal(deliveryZone('744101'), 'remote'); // Port Blair
    assert.equal(deliveryZone('682555'), 'remote'); // Lakshadweep
    assert.equal(deliveryZone('682001'), 'national'); // Kochi
  });

  it('should refuse a PIN code no courier reaches, rather than guess a zone', () => {
    assert.throws(() => deliveryZone('999001'), RangeError);
    assert.throws(() => estimateDelivery('900001', Date.now()), RangeError);
  });

  it('should refuse what is not a PIN code', () => {
    for (const bad of ['012345', '56001', '5600011', 'abcdef', '']) assert.throws(() => deliveryZone(bad), TypeError);
  });
});

describe('estimateDelivery', () => {
  it('should count from today before the cut-off and from tomorrow after it', () => {
    // Monday 2026-11-30.
    const morning = estimateDelivery('560001', ist('2026-11-30T09:00:00'));
    assert.deepEqual(morning, { pin: '560001', zone: 'local', minDays: 1, maxDays: 2, from: '2026-12-01', to: '2026-12-02' });
    const evening = estimateDelivery('560001', ist('2026-11-30T15:00:00'));
    assert.equal(evening.from, '2026-12-02');
    assert.equal(evening.to, '2026-12-03');
  });

  it('should skip Sundays', () => {
    // Friday 2026-12-04, morning: +1 Saturday, +2 Monday (Sunday skipped).
    const estimate = estimateDelivery('110001', ist('2026-12-04T10:00:00'));
    assert.equal(estimate.from, '2026-12-05');
    assert.equal(estimate.to, '2026-12-07');
  });

  it('should use the IST date, not the UTC one', () => {
    // 00:30 IST on Tuesday is still Monday in UTC.
    const estimate = estimateDelivery('560001', ist('2026-12-01T00:30:00'));
    assert.equal(estimate.from, '2026-12-02');
  });

  it('should be the same for the same PIN and time', () => {
    const now = ist('2026-11-30T11:11:00');
    assert.deepEqual(estimateDelivery('781001', now), estimateDelivery('781001', now));
    assert.equal(estimateDelivery('781001', now).minDays, 6);
  });
});
