/** One way to pay: a radio card; the chosen one shows its own action button, as shops do. */
import { Button, type PaymentMethod } from '@storefront/kit';
import './payment-option.css';

export interface PaymentOptionProps {
  method: PaymentMethod;
  title: string;
  detail: string;
  selected: boolean;
  disabled?: boolean;
  /** A press is being answered: the action waits. */
  busy: boolean;
  /** The action's words: "Pay ₹1,299", "Place order". */
  action: string;
  onSelect(): void;
  onConfirm(): void;
}

export function PaymentOption({ method, title, detail, selected, disabled = false, busy, action, onSelect, onConfirm }: PaymentOptionProps): React.ReactNode {
  const id = `pay-${method}`;
  return (
    <li className={`po card${selected ? ' po-selected' : ''}${disabled ? ' po-disabled' : ''}`} data-testid={`pay-option-${method}`}>
      <label htmlFor={id} className="po-label">
        <input id={id} type="radio" name="payment-method" value={method} checked={selected} disabled={disabled} onChange={onSelect} />
        <span className="po-icon" aria-hidden="true">
          {method === 'cod' ? (
            <svg viewBox="0 0 24 24" width="24" height="24">
              <path fill="currentColor" d="M3 6h18v12H3zm2 2v8h14V8zm7 1.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM6 9h2v2H6zm10 4h2v2h-2z" />
            </svg>
          ) : (
            <svg viewBox="0 0 24 24" width="24" height="24">
              <path fill="currentColor" d="M2 6a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2zm2 0v2h16V6zm0 5v7h16v-7zm2 4h6v2H6z" />
            </svg>
          )}
        </span>
        <span className="po-text">
          <span className="po-title">{title}</span>
          <span className="po-detail">{detail}</span>
        </span>
      </label>
      {selected && (
        <Button variant="buy" block disabled={busy} onClick={onConfirm} data-testid={`pay-confirm-${method}`}>
          {busy ? 'Placing your order…' : action}
        </Button>
      )}
    </li>
  );
}
