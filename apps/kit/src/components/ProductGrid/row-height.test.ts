import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

// The grid sizes its rows from its width plus a constant (product-grid.css) instead of from each
// card's content; that constant must be what a card's text and spacing add up to (product-card.css),
// or a card's text overflows its row (too small) or a gap opens under it (too large).
const here = import.meta.dirname;
const gridCss = fs.readFileSync(path.join(here, 'product-grid.css'), 'utf8');
const cardCss = fs.readFileSync(path.join(here, '../ProductCard/product-card.css'), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(css: string, selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[}\\n])\\s*${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  assert.ok(match, `no rule for ${selector}`);
  return match[1]!;
}

/** A property's value in px (its first length, for shorthands such as `padding: 12px`). */
function px(declarations: string, property: string): number {
  const match = new RegExp(`(?:^|[;\\s])${property}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`).exec(declarations);
  assert.ok(match, `no ${property} in px in "${declarations.trim()}"`);
  return Number(match[1]);
}

describe('product grid rows', () => {
  it('count exactly the height a card adds to its square picture', () => {
    const card = rule(cardCss, '.pc');
    const lines = [px(rule(cardCss, '.pc-brand'), 'height'), px(rule(cardCss, '.pc-title'), 'height'), px(rule(cardCss, '.pc .pc-rating'), 'height'), px(rule(cardCss, '.pc .pc-price'), 'min-height')];
    // Row = padding above and below + the square picture (the column less the padding on each side)
    // + its margin + four gaps between five items + four lines: the padding cancels out.
    assert.ok(px(card, 'padding') > 0, 'the card has its padding on every side');
    const expected = px(rule(cardCss, '.pc-image'), 'margin-bottom') + 4 * px(card, 'gap') + lines.reduce((sum, height) => sum + height, 0);
    const row = /\.grid > li \{[^}]*height: calc\(\(100cqw - \(var\(--grid-cols\) - 1\) \* 1px\) \/ var\(--grid-cols\) \+ (\d+)px\)/.exec(gridCss);
    assert.ok(row, 'the grid sizes its rows from its width');
    assert.equal(Number(row[1]), expected);
  });

});
