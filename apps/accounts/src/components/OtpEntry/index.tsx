/**
 * Entry of an SMS code: one `one-time-code` input (pastes and autofill land whole), WebOTP where
 * the browser offers it, a resend countdown, attempts left and lockouts as the server tells them.
 */
import { ApiError, Button, Field, messageOf, type OtpSent } from '@storefront/kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { codeFromInput, formatCountdown, otpVerdict } from '../../forms/otp-messages';
import { receiveSmsCode } from './web-otp';
import './otp-entry.css';

export interface OtpEntryProps {
  /** The answer that texted the current code. */
  sent: OtpSent;
  /** Checks the code; resolves when it was right (the parent moves on), throws the server's refusal. */
  verify(code: string): Promise<void>;
  /** Texts a new code. */
  resend(): Promise<OtpSent>;
  /** Label of the submit button. */
  submitLabel?: string;
}

const now = (): number => Date.now();

/** The countdown to `deadline` (ms), re-rendering every second until it passes. */
function useSecondsUntil(deadline: number): number {
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil((deadline - now()) / 1000)));
  useEffect(() => {
    const tick = (): void => setLeft(Math.max(0, Math.ceil((deadline - now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}

/** The code form; rendered only after hydration (it reads the clock). */
export function OtpEntry({ sent: firstSent, verify, resend, submitLabel = 'Verify' }: OtpEntryProps): React.ReactNode {
  const [sent, setSent] = useState(firstSent);
  const [resendAt, setResendAt] = useState(() => now() + firstSent.resendAfterSec * 1000);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeVoid, setCodeVoid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resending, setResending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const webOtp = useRef<AbortController | null>(null);
  const resendIn = useSecondsUntil(resendAt);

  const check = useCallback(
    async (value: string) => {
      webOtp.current?.abort();
      if (value.length !== 6) {
        setError('Enter the 6-digit code we sent you.');
        input.current?.focus();
        return;
      }
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        await verify(value);
      } catch (failure) {
        const verdict =
          failure instanceof ApiError
            ? otpVerdict(failure)
            : { message: messageOf(failure), needsNewCode: false, waitSec: null };
        const isVoid = codeVoid || verdict.needsNewCode;
        setCodeVoid(isVoid);
        setError(isVoid && !verdict.needsNewCode ? `${verdict.message} This code no longer works: request a new code.` : verdict.message);
        setBusy(false);
        input.current?.focus();
        input.current?.select();
      }
    },
    [verify, codeVoid],
  );

  // Listen for the SMS while the page is open; a new code starts a new listener.
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => {
    const controller = new AbortController();
    webOtp.current = controller;
    void receiveSmsCode(controller.signal).then((received) => {
      if (!received || controller.signal.aborted) return;
      setCode(codeFromInput(received));
      void checkRef.current(codeFromInput(received));
    });
    return () => controller.abort();
  }, [sent]);

  useEffect(() => input.current?.focus(), []);

  const askAgain = async (): Promise<void> => {
    setResending(true);
    setNotice(null);
    try {
      const next = await resend();
      setSent(next);
      setResendAt(now() + next.resendAfterSec * 1000);
      setCode('');
      setError(null);
      setCodeVoid(false);
      setNotice(`We sent a new code to ${next.mobileMasked}.`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.retryAfterSec) setResendAt(now() + failure.retryAfterSec * 1000);
      setError(messageOf(failure));
    } finally {
      setResending(false);
      input.current?.focus();
    }
  };

  return (
    <form
      className="otp"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void check(code);
      }}
    >
      <Field
        ref={input}
        id="otp-code"
        label="Enter the 6-digit code"
        className="otp-field"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="[0-9]*"
        value={code}
        error={error}
        onChange={(event) => setCode(codeFromInput(event.target.value))}
        onPaste={(event) => {
          const pasted = codeFromInput(event.clipboardData.getData('text'));
          if (pasted.length === 6) {
            event.preventDefault();
            setCode(pasted);
          }
        }}
        data-testid="otp-input"
      />
      <p className="otp-status" role="status" data-testid="otp-notice">
        {notice}
      </p>
      <Button type="submit" variant="buy" block disabled={busy} data-testid="otp-submit">
        {busy ? 'Checking…' : submitLabel}
      </Button>
      <div className="otp-resend">
        {resendIn > 0 ? (
          <p data-testid="resend-timer">
            Didn’t get it? Resend code in <span className="otp-countdown">{formatCountdown(resendIn)}</span>
          </p>
        ) : (
          <>
            <span>{codeVoid ? 'Get a new code:' : 'Didn’t get it?'}</span>
            <button type="button" className="otp-resend-button" disabled={resending} onClick={() => void askAgain()} data-testid="resend">
              {resending ? 'Sending…' : 'Resend code'}
            </button>
          </>
        )}
      </div>
      <p className="otp-expiry">The code is valid for {Math.round(sent.expiresInSec / 60)} minutes.</p>
    </form>
  );
}
