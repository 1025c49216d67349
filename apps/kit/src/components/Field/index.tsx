/** A labelled input with its hint and error tied to it, so screen readers read them with the field. */
import { forwardRef, type InputHTMLAttributes } from 'react';
import './field.css';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'prefix'> {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string;
  /** Shown inside the box before the value ("+91"), not part of it. */
  prefix?: string;
  /** Shown beside the input ("Show" for passwords). */
  after?: React.ReactNode;
}

/** The error is `aria-describedby` the input and `aria-invalid` marks it. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ id, label, error, hint, prefix, after, className, ...input }, ref) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-box">
        {prefix && (
          <span className="field-prefix" aria-hidden="true">
            {prefix}
          </span>
        )}
        <input ref={ref} id={id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        {after}
      </div>
      {error && (
        <p id={errorId} className="field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
});
