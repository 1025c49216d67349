/**
 * A listing's sizes (its variants); out-of-stock sizes are shown but cannot be picked. Colours are
 * listings of the family (FamilySelectors); swatches show here only for a store seeded before
 * families, whose listings still hold several colours.
 */
import type { Variant } from '@storefront/kit';
import { colorsOf, sizesOf, type Choice } from '../../product/variant-choice';
import './variant-picker.css';

export interface VariantPickerProps {
  variants: readonly Variant[];
  choice: Choice;
  onColor(color: string): void;
  onSize(size: string): void;
}

/** Radio groups (one choice each), so arrow keys and screen readers behave as expected. */
export function VariantPicker({ variants, choice, onColor, onSize }: VariantPickerProps): React.ReactNode {
  const colors = colorsOf(variants);
  const sizes = sizesOf(variants, choice.color);
  return (
    <section className="vp card" aria-label={colors.length > 1 ? 'Choose colour and size' : 'Choose a size'}>
      {colors.length > 1 ? (
        <fieldset className="vp-group">
          <legend className="vp-legend">
            Colour: <strong>{choice.color}</strong>
          </legend>
          <div className="vp-options">
            {colors.map((c) => (
              <label key={c.color} className={`vp-swatch${c.inStock ? '' : ' vp-out'}`} title={c.inStock ? c.color : `${c.color} (out of stock)`}>
                <input type="radio" name="color" className="sr-only" checked={choice.color === c.color} disabled={!c.inStock} onChange={() => onColor(c.color)} data-testid="color-option" />
                <span className="vp-dot" style={{ background: c.hex }} />
                <span className="sr-only">
                  {c.color}
                  {c.inStock ? '' : ', out of stock'}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {sizes.length > 0 && (
        <fieldset className="vp-group">
          <legend className="vp-legend">
            Size: <strong>{choice.size}</strong>
          </legend>
          <div className="vp-options">
            {sizes.map((s) => (
              <label key={s.size} className={`vp-size${s.inStock ? '' : ' vp-out'}`}>
                <input type="radio" name="size" className="sr-only" checked={choice.size === s.size} disabled={!s.inStock} onChange={() => onSize(s.size)} data-testid="size-option" />
                <span>{s.size}</span>
                {!s.inStock && <span className="sr-only">, out of stock</span>}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </section>
  );
}
