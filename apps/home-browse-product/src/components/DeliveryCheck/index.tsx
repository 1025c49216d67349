/**
 * "Deliver to": the shopper's PIN code, and when this listing reaches it and for what fee, from the
 * server's delivery quote (the rules checkout uses). The PIN code is remembered on this phone; a
 * signed-in shopper who never typed one gets their default address's.
 */
import {
  apiRequest,
  ApiError,
  DELIVERY_FEE,
  deliveryWindow,
  formatRupees,
  FREE_DELIVERY_THRESHOLD,
  isSignedIn,
  normalisePinInput,
  pinProblem,
  readDeliveryPin,
  rememberDeliveryPin,
  type AddressList,
  type DeliveryQuote,
} from '@storefront/kit';
import { useEffect, useId, useRef, useState } from 'react';
import './delivery-check.css';

type Answer = { kind: 'none' } | { kind: 'checking' } | { kind: 'quote'; quote: DeliveryQuote } | { kind: 'failed'; message: string };

/** The default address's PIN code of a signed-in shopper, or null (signed out, none saved, offline). */
async function defaultAddressPin(): Promise<string | null> {
  if (!isSignedIn()) return null;
  try {
    const { addresses } = await apiRequest<AddressList>('account/addresses');
    return (addresses.find((address) => address.isDefault) ?? addresses[0])?.pin ?? null;
  } catch {
    return null;
  }
}

/** The answer in words: the live region reads exactly this. */
function AnswerText({ answer, price }: { answer: Answer; price: number }): React.ReactNode {
  if (answer.kind === 'none') {
    // Before a PIN code: the fee by the shared price rule, the same the quote applies.
    return <span className="dc-fee">{price >= FREE_DELIVERY_THRESHOLD ? 'Free delivery' : `Delivery ${formatRupees(DELIVERY_FEE)}, free on orders of ${formatRupees(FREE_DELIVERY_THRESHOLD)} or more`}</span>;
  }
  if (answer.kind === 'checking') return <span className="dc-muted">Checking delivery…</span>;
  if (answer.kind === 'failed') return <span className="dc-problem">{answer.message}</span>;
  const { quote } = answer;
  if (!quote.serviceable) {
    return (
      <span className="dc-problem" data-testid="delivery-unserviceable">
        Not deliverable to {quote.pin}. {quote.reason}
      </span>
    );
  }
  return (
    <>
      <span className="dc-when" data-testid="delivery-date">
        {deliveryWindow(quote.delivery)}
      </span>
      <span className="dc-fee" data-testid="delivery-fee">
        {quote.fee === 0 ? (
          <>
            Delivery charges <span className="dc-free">FREE</span>
          </>
        ) : (
          <>
            Delivery charges {formatRupees(quote.fee)}, free on orders of {formatRupees(quote.freeDeliveryThreshold)} or more
          </>
        )}
      </span>
    </>
  );
}

/** The PIN code form and its answer, for the listing `productId` selling at `price` (paise). */
export function DeliveryCheck({ productId, price }: { productId: string; price: number }): React.ReactNode {
  const id = useId();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer>({ kind: 'none' });
  // The PIN code the answer is for; a newer check makes an older answer moot.
  const asked = useRef<string | null>(null);
  const request = useRef<AbortController | null>(null);

  const check = (code: string): void => {
    asked.current = code;
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setAnswer({ kind: 'checking' });
    apiRequest<DeliveryQuote>(`delivery/quote?pin=${code}&productId=${encodeURIComponent(productId)}`, { signal: controller.signal })
      .then((quote) => setAnswer({ kind: 'quote', quote }))
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        const message = error instanceof ApiError && error.offline ? 'You’re offline. Connect to check delivery to this PIN code.' : error instanceof ApiError ? error.message : 'Could not check delivery. Please try again.';
        setAnswer({ kind: 'failed', message });
      });
  };

  // After mount (storage and cookies are the browser's), and again for each listing of a family.
  useEffect(() => {
    let cancelled = false;
    const known = asked.current ?? readDeliveryPin();
    if (known) {
      setPin(known);
      check(known);
    } else {
      void defaultAddressPin().then((fromAddress) => {
        if (cancelled || !fromAddress || asked.current) return;
        setPin(fromAddress);
        check(fromAddress);
      });
    }
    return () => {
      cancelled = true;
      request.current?.abort();
    };
    // `check` reads the current productId; it is deliberately not a dependency of its own.
  }, [productId]);

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const wrong = pinProblem(pin);
    setProblem(wrong);
    if (wrong) return;
    rememberDeliveryPin(pin);
    check(pin);
  };

  const inputId = `${id}-pin`;
  const errorId = `${id}-error`;
  return (
    <section className="dc card" aria-labelledby={`${id}-title`} data-testid="delivery-check">
      <h2 id={`${id}-title`} className="dc-title">
        Delivery
      </h2>
      <form className="dc-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="dc-label">
          Deliver to PIN code
        </label>
        <div className="dc-row">
          <input
            id={inputId}
            className="dc-input"
            name="pin"
            inputMode="numeric"
            autoComplete="postal-code"
            placeholder="6-digit PIN code"
            value={pin}
            // No maxLength: a pasted "560 001" would lose its last digit before the spaces are dropped.
            onChange={(event) => {
              setPin(normalisePinInput(event.target.value));
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            data-testid="delivery-pin"
          />
          <button type="submit" className="dc-check" data-testid="delivery-pin-check">
            Check
          </button>
        </div>
        {problem && (
          <p id={errorId} className="dc-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {/* Always in the page, so screen readers announce each new answer. */}
      <p className="dc-answer" role="status" aria-live="polite" data-testid="delivery-answer">
        <AnswerText answer={answer} price={price} />
      </p>
    </section>
  );
}
