/** The shop's buttons: yellow "add to cart", orange "buy now", blue primary and outlined. */
import type { ButtonHTMLAttributes } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'cart' | 'buy' | 'outline';

/** Class names of a button look, for links that must look like buttons. */
export function buttonClassName(variant: ButtonVariant = 'primary', block = false): string {
  return `btn btn-${variant}${block ? ' btn-block' : ''}`;
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  block?: boolean;
}

/** A `<button>` (type "button" unless told) in one of the shop's looks. */
export function Button({ variant = 'primary', block = false, className, type = 'button', ...rest }: ButtonProps): React.ReactNode {
  return <button type={type} className={buttonClassName(variant, block) + (className ? ` ${className}` : '')} {...rest} />;
}
