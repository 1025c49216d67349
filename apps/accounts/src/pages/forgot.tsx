/** Forgotten password: a code to the number gives a reset-only session; the new password ends every session. */
import { ApiError, apiPost, Button, messageOf, type OtpSent } from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { MobileField } from '../components/MobileField';
import { OtpEntry } from '../components/OtpEntry';
import { AuthCard, useTitle } from '../components/PageFrame';
import { PasswordField } from '../components/PasswordField';
import { maskMobile, mobileProblem } from '../forms/mobile';
import { formatWait } from '../forms/otp-messages';
import { NEW_PASSWORD_HINT, passwordProblem, weakPasswordMessage } from '../forms/password-rules';

type Step = { name: 'mobile' } | { name: 'code'; sent: OtpSent } | { name: 'password' } | { name: 'done' };

const LEDES: Record<Step['name'], string> = {
  mobile: 'We will text a code to your number to make sure it is you.',
  code: 'Enter the code we sent, then choose a new password.',
  password: 'Choose a new password. Every device logged in to your account will be signed out.',
  done: 'Log in again with a code, then your new password.',
};

export default function ForgotPage(): React.ReactNode {
  useTitle('Reset your password');
  const location = useLocation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ name: 'mobile' });
  const [mobile, setMobile] = useState(((location.state ?? {}) as { mobile?: string }).mobile ?? '');
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const doneHeading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (step.name === 'mobile' || step.name === 'password') input.current?.focus();
    if (step.name === 'done') doneHeading.current?.focus();
  }, [step.name]);

  const fail = (error: unknown): void => {
    setBusy(false);
    const wait = error instanceof ApiError && error.retryAfterSec ? ` You can try again in ${formatWait(error.retryAfterSec)}.` : '';
    setFormError(messageOf(error) + wait);
  };

  const start = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const problem = mobileProblem(mobile);
    setFieldError(problem);
    if (problem) return input.current?.focus();
    setBusy(true);
    try {
      const sent = await apiPost<OtpSent>('auth/forgot/start', { mobile });
      setBusy(false);
      setStep({ name: 'code', sent });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'otp-resend-cooldown') {
        setBusy(false);
        setStep({ name: 'code', sent: { otpSent: true, resendAfterSec: error.retryAfterSec ?? 30, expiresInSec: 300, mobileMasked: maskMobile(mobile) } });
      } else if (error instanceof ApiError && error.code === 'invalid-mobile') {
        setBusy(false);
        setFieldError(error.message);
        input.current?.focus();
      } else fail(error);
    }
  };

  const reset = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const problem = passwordProblem(password);
    setFieldError(problem);
    if (problem) return input.current?.focus();
    setBusy(true);
    try {
      await apiPost('auth/forgot/reset', { password });
      setBusy(false);
      setStep({ name: 'done' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'weak-password') {
        setBusy(false);
        setFieldError(weakPasswordMessage(error.details));
        input.current?.focus();
      } else if (error instanceof ApiError && error.code === 'login-required') {
        setBusy(false);
        setFormError('This reset has expired. Ask for a new code to try again.');
        setStep({ name: 'mobile' });
      } else fail(error);
    }
  };

  return (
    <AuthCard title="Reset your password" lede={LEDES[step.name]}>
      {step.name === 'mobile' && (
        <form className="auth-form" noValidate onSubmit={(event) => void start(event)}>
          <MobileField ref={input} value={mobile} onChange={setMobile} error={fieldError} label="Your mobile number" />
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
          <Button type="submit" variant="buy" block disabled={busy} data-testid="forgot-send">
            {busy ? 'Sending code…' : 'Send code'}
          </Button>
        </form>
      )}
      {step.name === 'code' && (
        <>
          <p className="auth-number">
            Sent by SMS to <strong data-testid="masked-mobile">{step.sent.mobileMasked}</strong>
          </p>
          <OtpEntry
            sent={step.sent}
            submitLabel="Continue"
            verify={async (code) => {
              await apiPost('auth/forgot/verify', { mobile, code });
              setFieldError(null);
              setStep({ name: 'password' });
            }}
            resend={() => apiPost<OtpSent>('auth/otp/resend', { mobile, purpose: 'reset' })}
          />
        </>
      )}
      {step.name === 'password' && (
        <form className="auth-form" noValidate onSubmit={(event) => void reset(event)}>
          <PasswordField
            ref={input}
            id="new-password"
            label="New password"
            hint={NEW_PASSWORD_HINT}
            value={password}
            onChange={setPassword}
            error={fieldError}
            autoComplete="new-password"
          />
          <p className="form-error" role="alert" data-testid="form-error">
            {formError}
          </p>
          <Button type="submit" variant="buy" block disabled={busy} data-testid="reset-submit">
            {busy ? 'Saving…' : 'Save new password'}
          </Button>
        </form>
      )}
      {step.name === 'done' && (
        <>
          <p ref={doneHeading} tabIndex={-1} className="form-note" data-testid="reset-done">
            Your password has been changed and every device has been signed out.
          </p>
          <Button variant="buy" block onClick={() => void navigate('/accounts/login', { state: { mobile } })} data-testid="reset-login">
            Log in
          </Button>
        </>
      )}
      {step.name !== 'done' && (
        <div className="auth-links">
          <Link to="/accounts/login" className="auth-link">
            Back to login
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
