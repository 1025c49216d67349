/**
 * Step-up: sensitive changes need a login within the last 10 minutes. When the server answers
 * `step-up-required`, a code goes to the shopper's number; once it is verified the change is retried.
 */
import { apiPost, codeOf, type OtpSent } from '@storefront/kit';
import { useCallback, useRef, useState } from 'react';
import { OtpEntry } from '../OtpEntry';
import './step-up.css';

interface Pending {
  sent: OtpSent;
  retry(): Promise<void>;
  settle(done: boolean, error?: unknown): void;
}

export interface StepUp {
  /**
   * Runs `action`, stepping up first if the server asks for it. Resolves true once it is done,
   * false if the shopper cancelled the step-up; rejects with the action's own error.
   */
  guard(action: () => Promise<void>): Promise<boolean>;
  /** The code panel while a step-up is under way (render it where the action's form is). */
  panel: React.ReactNode;
}

/** Step-up for the actions of one page. */
export function useStepUp(): StepUp {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const guard = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    try {
      await action();
      return true;
    } catch (error) {
      if (codeOf(error) !== 'step-up-required') throw error;
    }
    const sent = await apiPost<OtpSent>('auth/step-up/start');
    return new Promise<boolean>((resolve, reject) => {
      setPending({
        sent,
        retry: action,
        settle: (done, error) => {
          setPending(null);
          if (error === undefined) resolve(done);
          else reject(error as Error);
        },
      });
    });
  }, []);

  const panel = pending && (
    <section className="step-up card" aria-labelledby="step-up-title" data-testid="step-up">
      <h2 id="step-up-title" className="acc-panel-title">
        Confirm it’s you
      </h2>
      <p className="acc-muted">
        For your security, enter the code we sent to <strong>{pending.sent.mobileMasked}</strong>.
      </p>
      <OtpEntry
        key={pending.sent.mobileMasked}
        sent={pending.sent}
        submitLabel="Confirm"
        resend={() => apiPost<OtpSent>('auth/step-up/start')}
        verify={async (code) => {
          await apiPost('auth/step-up/verify', { code });
          const current = pendingRef.current;
          if (!current) return;
          try {
            await current.retry();
            current.settle(true);
          } catch (error) {
            current.settle(false, error);
          }
        }}
      />
      <button type="button" className="step-up-cancel" onClick={() => pending.settle(false)}>
        Cancel
      </button>
    </section>
  );
  return { guard, panel };
}
