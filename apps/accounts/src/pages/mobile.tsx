/**
 * Changing the mobile number: the new number; a step-up by code to the current number when the last
 * login is older than 10 minutes; then the code sent to the new number. The shopper logs in with
 * the new number from then on.
 */
import { ApiError, apiPost, Button, messageOf, type Account, type AccountAnswer, type OtpSent } from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { MobileField } from '../components/MobileField';
import { OtpEntry } from '../components/OtpEntry';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import { useStepUp } from '../components/StepUp';
import { changeMobileVerdict, newMobileProblem, type ChangeStage, type ChangeVerdict } from '../forms/change-mobile';
import { maskMobile } from '../forms/mobile';
import { useAccountSession } from '../session/account-session';

type Step =
  | { name: 'number' }
  | { name: 'code'; mobile: string; sent: OtpSent; notice: string | null }
  | { name: 'done'; mobileMasked: string };

const START = 'account/mobile/change/start';

function verdictOf(error: unknown, stage: ChangeStage): ChangeVerdict {
  if (error instanceof ApiError) return changeMobileVerdict(error, stage);
  return { action: stage === 'code' ? 'code' : 'form', message: messageOf(error) };
}

export default function MobilePage(): React.ReactNode {
  return (
    <AccountFrame title="Mobile number">
      {(account) => (
        <>
          <PageHeading>Mobile number</PageHeading>
          <section className="acc-panel card" aria-labelledby="mobile-current-title">
            <h2 id="mobile-current-title" className="acc-panel-title">
              Your number
            </h2>
            <div className="acc-current">
              <p className="acc-current-number" data-testid="current-mobile">
                {account.mobileMasked}
              </p>
              <p className="acc-muted">You log in with this number, and login codes are texted to it.</p>
            </div>
          </section>
          <ChangeMobile account={account} />
        </>
      )}
    </AccountFrame>
  );
}

function ChangeMobile({ account }: { account: Account }): React.ReactNode {
  const { signedIn } = useAccountSession();
  const stepUp = useStepUp();
  const [step, setStep] = useState<Step>({ name: 'number' });
  const [mobile, setMobile] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusField, setFocusField] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const doneNote = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (focusField) input.current?.focus();
  }, [focusField]);
  useEffect(() => {
    if (step.name === 'done') doneNote.current?.focus();
  }, [step.name]);

  /** Back to the number, with the refusal (if any) under it (`field`) or above the button. */
  const backToNumber = (verdict: ChangeVerdict | null): void => {
    setStep({ name: 'number' });
    setFieldError(verdict?.action === 'field' ? verdict.message : null);
    setFormError(verdict && verdict.action !== 'field' ? verdict.message : null);
    setFocusField((n) => n + 1);
  };

  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const problem = newMobileProblem(mobile, account.mobile);
    setFieldError(problem);
    if (problem) return input.current?.focus();
    const target = mobile;
    const box: { sent?: OtpSent; failure?: unknown } = {};
    setBusy(true);
    try {
      // A step-up (code to the current number) runs first if the last login is too old; then this again.
      const done = await stepUp.guard(async () => {
        try {
          box.sent = await apiPost<OtpSent>(START, { mobile: target });
        } catch (error) {
          box.failure = error;
          throw error;
        }
      });
      if (done && box.sent) setStep({ name: 'code', mobile: target, sent: box.sent, notice: null });
    } catch (error) {
      // The change's own refusal, or one of the step-up's (its code could not be sent).
      const verdict = verdictOf(error, error === box.failure ? 'start' : 'step-up');
      if (verdict.action === 'code-sent') {
        const resendAfterSec = error instanceof ApiError && error.retryAfterSec ? error.retryAfterSec : 30;
        setStep({ name: 'code', mobile: target, sent: { otpSent: true, resendAfterSec, expiresInSec: 300, mobileMasked: maskMobile(target) }, notice: verdict.message });
      } else backToNumber(verdict);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (target: string, code: string): Promise<void> => {
    try {
      const answer = await apiPost<AccountAnswer>('account/mobile/change/verify', { mobile: target, code });
      signedIn(answer.account);
      setMobile('');
      setStep({ name: 'done', mobileMasked: answer.account.mobileMasked });
    } catch (error) {
      const verdict = verdictOf(error, 'code');
      if (verdict.action === 'code') throw error;
      backToNumber(verdict);
    }
  };

  const resend = async (target: string): Promise<OtpSent> => {
    try {
      return await apiPost<OtpSent>(START, { mobile: target });
    } catch (error) {
      const verdict = verdictOf(error, 'code');
      if (verdict.action !== 'code') backToNumber(verdict);
      throw error;
    }
  };

  return (
    <section className="acc-panel card" aria-labelledby="mobile-change-title" data-testid="mobile-change">
      <h2 id="mobile-change-title" className="acc-panel-title">
        Change your number
      </h2>
      {stepUp.panel ??
        (step.name === 'code' ? (
          <>
            <p className="auth-number">
              <span>
                Sent by SMS to <strong data-testid="masked-mobile">{step.sent.mobileMasked}</strong>
              </span>
              <button
                type="button"
                className="auth-link acc-link-button"
                aria-label="Use a different new number"
                onClick={() => backToNumber(null)}
                data-testid="mobile-change-edit"
              >
                Change
              </button>
            </p>
            {step.notice && <p className="form-note">{step.notice}</p>}
            <OtpEntry
              key={step.mobile}
              sent={step.sent}
              submitLabel="Confirm new number"
              verify={(code) => verify(step.mobile, code)}
              resend={() => resend(step.mobile)}
            />
          </>
        ) : step.name === 'done' ? (
          <>
            <p ref={doneNote} tabIndex={-1} className="form-note" role="status" data-testid="mobile-changed">
              Your mobile number is now {step.mobileMasked}. Use it to log in from now on.
            </p>
            <Link to="/accounts" className="auth-link acc-link-center">
              Back to my account
            </Link>
          </>
        ) : (
          <>
            <p className="acc-muted">
              We will text a code to the new number to make sure it is yours. Your orders, addresses and cart stay with your account.
            </p>
            <form className="acc-form" noValidate onSubmit={(event) => void send(event)}>
              <MobileField ref={input} value={mobile} onChange={setMobile} error={fieldError} label="New mobile number" />
              <p className="form-error" role="alert" data-testid="mobile-change-error">
                {formError}
              </p>
              <Button type="submit" variant="buy" disabled={busy} data-testid="mobile-change-send">
                {busy ? 'Sending code…' : 'Send code'}
              </Button>
            </form>
          </>
        ))}
    </section>
  );
}
