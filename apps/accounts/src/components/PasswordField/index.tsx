/** A password input with a Show/Hide toggle (typing blind on a phone keyboard is error-prone). */
import { Field } from '@storefront/kit';
import { forwardRef, useState } from 'react';

export interface PasswordFieldProps {
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
}

export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { id = 'password', label, value, onChange, error, autoComplete, hint },
  ref,
) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      ref={ref}
      id={id}
      label={label}
      type={shown ? 'text' : 'password'}
      autoComplete={autoComplete}
      autoCapitalize="off"
      spellCheck={false}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
      data-testid={`${id}-input`}
      {...(hint ? { hint } : {})}
      after={
        <button type="button" className="field-toggle" aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      }
    />
  );
});
