/**
 * One selector per attribute of the product's family (colour swatches, storage, RAM, pack…). Each
 * option is a link to its own listing (URL, price, stock), followed client-side: no full reload.
 */
import { formatRupees, productPath, type ProductFamily } from '@storefront/kit';
import { Link } from 'react-router';
import { familySelectors, optionNote, type FamilyOption, type FamilySelector } from '../../product/family-choice';
import './family-selectors.css';

export interface FamilySelectorsProps {
  family: ProductFamily;
  currentId: string;
  /** A listing is loading: options stay visible but say so. */
  busy?: boolean;
}

function OptionLink({ option, selector, family, currentId }: { option: FamilyOption; selector: FamilySelector; family: ProductFamily; currentId: string }): React.ReactNode {
  const note = optionNote(option, selector, family, currentId);
  const className = `fsel-option fsel-${option.state}${selector.swatches ? ' fsel-swatch' : ' fsel-text'}`;
  const content = (
    <>
      {option.swatch ? <span className="fsel-dot" style={{ background: option.swatch }} aria-hidden="true" /> : <span className="fsel-value">{option.value}</span>}
      {!selector.swatches && option.state !== 'current' && option.state !== 'other-combination' && <span className="fsel-price" aria-hidden="true">{formatRupees(option.target.price)}</span>}
      <span className="sr-only">
        {option.swatch ? option.value : ''}
        {note ? `, ${note}` : ''}
      </span>
    </>
  );
  return (
    <Link
      to={productPath(option.target)}
      className={className}
      aria-current={option.state === 'current' ? 'true' : undefined}
      title={option.swatch ? `${option.value}${note && option.state !== 'current' ? ` (${note})` : ''}` : undefined}
      data-testid="family-option"
      data-state={option.state}
      data-value={option.value}
      // The page keeps its place: only the listing's details change.
      preventScrollReset
    >
      {content}
    </Link>
  );
}

/** Lists of links, not radio buttons: every choice is a page of its own, as the URL shows. */
export function FamilySelectors({ family, currentId, busy = false }: FamilySelectorsProps): React.ReactNode {
  const selectors = familySelectors(family, currentId);
  if (selectors.length === 0) return null;
  return (
    <section className="fsel card" aria-label="Choose colour and configuration" aria-busy={busy} data-testid="family-selectors">
      {selectors.map((selector) => {
        const id = `fsel-${selector.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        return (
          <div key={selector.name} className="fsel-group" role="group" aria-labelledby={id} data-axis={selector.name}>
            <p id={id} className="fsel-legend">
              {selector.name}: <strong>{selector.current}</strong>
            </p>
            <ul className="fsel-options">
              {selector.options.map((option) => (
                <li key={option.value}>
                  <OptionLink option={option} selector={selector} family={family} currentId={currentId} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
