/** The − quantity + control of a cart line. */
import './quantity-stepper.css';

export interface QuantityStepperProps {
  quantity: number;
  min: number;
  max: number;
  label: string;
  onChange(quantity: number): void;
}

/**
 * Buttons are disabled at the limits instead of sending requests the API would refuse. Taps never
 * wait for the server: each is a queued change, replayed in order.
 */
export function QuantityStepper({ quantity, min, max, label, onChange }: QuantityStepperProps): React.ReactNode {
  return (
    <div className="qty" role="group" aria-label={`Quantity of ${label}`}>
      <button type="button" className="qty-btn" aria-label="Decrease quantity" disabled={quantity <= min} onClick={() => onChange(quantity - 1)} data-testid="qty-decrease">
        −
      </button>
      <output className="qty-value" aria-live="polite" data-testid="qty-value">
        {quantity}
      </output>
      <button type="button" className="qty-btn" aria-label="Increase quantity" disabled={quantity >= max} onClick={() => onChange(quantity + 1)} data-testid="qty-increase">
        +
      </button>
    </div>
  );
}
