/** One saved address to deliver to: a radio card; the chosen one offers "Deliver here". */
import { Button, type Address } from '@storefront/kit';
import './address-option.css';

export interface AddressOptionProps {
  address: Address;
  selected: boolean;
  onSelect(): void;
  onDeliverHere(): void;
}

/** The whole card is the radio's label, so a tap anywhere on it chooses the address. */
export function AddressOption({ address, selected, onSelect, onDeliverHere }: AddressOptionProps): React.ReactNode {
  const id = `address-option-${address.id}`;
  const lines = [address.line1, address.line2, address.landmark && `Near ${address.landmark}`, `${address.city}, ${address.state} – ${address.pin}`].filter(Boolean).join(', ');
  return (
    <li className={`ao card${selected ? ' ao-selected' : ''}`} data-testid="address-option" data-selected={selected}>
      <label htmlFor={id} className="ao-label">
        <input id={id} type="radio" name="delivery-address" checked={selected} onChange={onSelect} />
        <span className="ao-text">
          <span className="ao-name">
            {address.name} <span className="ao-tag">{address.type === 'home' ? 'Home' : 'Work'}</span>
            {address.isDefault && <span className="ao-tag ao-default">Default</span>}
          </span>
          <span className="ao-lines">{lines}</span>
          <span className="ao-phone">{address.phone}</span>
        </span>
      </label>
      {selected && (
        <Button variant="buy" block onClick={onDeliverHere} data-testid="deliver-here">
          Deliver here
        </Button>
      )}
    </li>
  );
}
