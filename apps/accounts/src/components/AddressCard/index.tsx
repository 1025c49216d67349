/** One saved address with its actions: edit, make default, delete (asked twice). */
import { Button, type Address } from '@storefront/kit';
import { useState } from 'react';
import './address-card.css';

export interface AddressCardProps {
  address: Address;
  busy: boolean;
  onEdit(): void;
  onMakeDefault(): void;
  onDelete(): void;
}

export function AddressCard({ address, busy, onEdit, onMakeDefault, onDelete }: AddressCardProps): React.ReactNode {
  const [confirming, setConfirming] = useState(false);
  const lines = [address.line1, address.line2, address.landmark && `Near ${address.landmark}`, `${address.city}, ${address.state} – ${address.pin}`].filter(Boolean);
  return (
    <li className="address-card card" data-testid="address-card" aria-busy={busy}>
      <p className="address-tags">
        <span className="address-tag">{address.type === 'home' ? 'Home' : 'Work'}</span>
        {address.isDefault && <span className="address-tag address-default">Default</span>}
      </p>
      <p className="address-name">
        {address.name} <span className="address-phone">{address.phone}</span>
      </p>
      <p className="address-lines">
        {lines.map((line, index) => (
          <span key={index}>{line}</span>
        ))}
      </p>
      {confirming ? (
        <div className="address-confirm" role="group" aria-label="Delete this address?">
          <span>Delete this address?</span>
          <Button variant="outline" onClick={onDelete} disabled={busy} data-testid="address-delete-confirm">
            Delete
          </Button>
          <Button variant="outline" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </div>
      ) : (
        <div className="address-actions">
          <button type="button" className="address-action" onClick={onEdit} disabled={busy} data-testid="address-edit">
            Edit
          </button>
          {!address.isDefault && (
            <button type="button" className="address-action" onClick={onMakeDefault} disabled={busy} data-testid="address-make-default">
              Make default
            </button>
          )}
          <button type="button" className="address-action" onClick={() => setConfirming(true)} disabled={busy} data-testid="address-delete">
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
