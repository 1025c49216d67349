/** The 10-digit mobile number input: "+91" shown before it, digits only, pastes of "+91 …" cleaned. */
import { Field, normaliseMobileInput } from '@storefront/kit';
import { forwardRef } from 'react';

export interface MobileFieldProps {
  value: string;
  onChange(digits: string): void;
  error: string | null;
  label?: string;
}

export const MobileField = forwardRef<HTMLInputElement, MobileFieldProps>(function MobileField({ value, onChange, error, label = 'Mobile number' }, ref) {
  return (
    <Field
      ref={ref}
      id="mobile"
      label={label}
      prefix="+91"
      type="tel"
      inputMode="numeric"
      autoComplete="tel-national"
      placeholder="10-digit number"
      value={value}
      error={error}
      onChange={(event) => onChange(normaliseMobileInput(event.target.value))}
      data-testid="mobile-input"
    />
  );
});
