import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FamilyMember, ProductFamily } from '@storefront/kit';
import { axisValues, familySelectors, magnitude, optionNote } from './family-choice';

const teal = { name: 'Colour', value: 'Ocean Teal', swatch: '#1f7a7a' };
const purple = { name: 'Colour', value: 'Coral Purple', swatch: '#8a4fa0' };
function member(id: string, colour: typeof teal, storage: string, ram: string, inStock = true, price = 1000): FamilyMember {
  return { id, slug: `phone-${id}`, title: `Phone (${colour.value}, ${storage}) (${ram} RAM)`, price, mrp: price, inStock, attributes: [colour, { name: 'Storage', value: storage }, { name: 'RAM', value: ram }] };
}

// Teal in 128 and 256 GB; purple only in 256 GB with 12 GB RAM, and that one is sold out.
const family: ProductFamily = {
  id: 'fam1',
  axes: ['Colour', 'Storage', 'RAM'],
  members: [
    member('a', teal, '128 GB', '8 GB'),
    member('b', teal, '256 GB', '8 GB', true, 2000),
    member('c', purple, '256 GB', '12 GB', false, 3000),
    member('d', teal, '256 GB', '12 GB', true, 2500),
  ],
};

describe('familySelectors()', () => {
  it('should give one selector per axis with the current value marked', () => {
    const selectors = familySelectors(family, 'b');
    assert.deepEqual(selectors.map((s) => [s.name, s.current, s.swatches]), [['Colour', 'Ocean Teal', true], ['Storage', '256 GB', false], ['RAM', '8 GB', false]]);
    assert.equal(selectors[0]!.options.find((o) => o.value === 'Ocean Teal')!.state, 'current');
  });

  it('should lead a choice to the listing that differs in that attribute alone', () => {
    const storage = familySelectors(family, 'b')[1]!;
    const smaller = storage.options.find((o) => o.value === '128 GB')!;
    assert.equal(smaller.state, 'available');
    assert.equal(smaller.target.id, 'a');
    const ram = familySelectors(family, 'b')[2]!.options.find((o) => o.value === '12 GB')!;
    assert.deepEqual([ram.state, ram.target.id], ['available', 'd']);
  });

  it('should show a sold-out listing as out of stock, still reachable', () => {
    const colour = familySelectors(family, 'd')[0]!.options.find((o) => o.value === 'Coral Purple')!;
    assert.deepEqual([colour.state, colour.target.id], ['out-of-stock', 'c']);
  });

  it('should mark a combination no listing has, and lead to the closest listing with the value', () => {
    const selector = familySelectors(family, 'a')[0]!;
    const purpleOption = selector.options.find((o) => o.value === 'Coral Purple')!;
    assert.deepEqual([purpleOption.state, purpleOption.target.id], ['other-combination', 'c']);
    assert.equal(optionNote(purpleOption, selector, family, 'a'), 'not available with your other choices; shows storage 256 GB, ram 12 GB');
  });

  it('should give nothing for a listing outside the family', () => {
    assert.deepEqual(familySelectors(family, 'zzz'), []);
  });
});

describe('axisValues()', () => {
  it('should order sizes by magnitude, across units', () => {
    const members = ['1 TB', '256 GB', '512 GB'].map((storage, i) => member(String(i), teal, storage, '8 GB'));
    assert.deepEqual(axisValues(members, 'Storage').map((v) => v.value), ['256 GB', '512 GB', '1 TB']);
    assert.ok(magnitude('1 L') > magnitude('500 ml'));
    assert.ok(magnitude('Single') < magnitude('Pack of 2'));
  });
});
