/** A short message that slides up from the bottom ("Added to cart"), announced politely. */
import { useCallback, useEffect, useRef, useState } from 'react';
import './toast.css';

export interface ToastProps {
  /** The message; `null` hides the toast. */
  message: string | null;
  onDismiss(): void;
  /** How long the toast stays, in ms. */
  duration?: number;
}

/**
 * The live region is always rendered (empty when hidden): screen readers announce changes of a
 * region that already exists, not one inserted along with its text.
 */
export function Toast({ message, onDismiss, duration = 3000 }: ToastProps): React.ReactNode {
  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(onDismiss, duration);
    return () => clearTimeout(timer);
  }, [message, onDismiss, duration]);
  return (
    <div className={`toast${message ? ' toast-shown' : ''}`} role="status" aria-live="polite" data-testid="toast">
      {message}
    </div>
  );
}

/** Toast state: `show(text)` to display, and the props to spread on `<Toast>`. */
export function useToast(): { show(text: string): void; props: ToastProps } {
  const [message, setMessage] = useState<string | null>(null);
  const counter = useRef(0);
  // A repeated message must restart the timer, so each one is made distinct by a zero-width suffix.
  const show = useCallback((text: string) => setMessage(text + '\u200b'.repeat(++counter.current % 2)), []);
  const onDismiss = useCallback(() => setMessage(null), []);
  return { show, props: { message, onDismiss } };
}
