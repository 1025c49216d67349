/** The second step of 2-step verification: the number is proven by the code, now the password. */
import { ApiError, apiPost, Button, messageOf, type LoginAnswer } from '@storefront/kit';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AuthCard, useTitle } from '../components/PageFrame';
import { PasswordField } from '../components/PasswordField';
import { nextQuery, safeNextPath } from '../forms/next-path';
import { formatWait } from '../forms/otp-messages';
import { useFinishLogin, type LoginStepState } from '../session/finish-login';

export default function PasswordPage(): React.ReactNode {
  useTitle('Enter your password');
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const incoming = location.state as LoginStepState | null;
  const step = useMemo(() => incoming ?? { mobile: '', mobileMasked: '' }, [incoming]);
  const finish = useFinishLogin(next, step);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    if (!password) {
      setFieldError('Enter your password.');
      input.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      finish(await apiPost<LoginAnswer>('auth/password/verify', { password }));
    } catch (error) {
      setBusy(false);
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'invalid-credentials') {
        setFieldError(messageOf(error));
        input.current?.focus();
        input.current?.select();
      } else if (code === 'login-required') {
        setFormError(
          <>
            This login step has expired. <Link to={`/accounts/login${nextQuery(next)}`} state={{ mobile: step.mobile }}>Start again</Link>.
          </>,
        );
      } else if (error instanceof ApiError && error.code === 'login-locked' && error.retryAfterSec) {
        setFormError(`Too many failed attempts. Try again in ${formatWait(error.retryAfterSec)}.`);
      } else {
        setFormError(messageOf(error));
      }
    }
  };

  return (
    <AuthCard title="Enter your password" lede="Your account has 2-step verification on: after the code, your password.">
      {step.mobileMasked && (
        <p className="auth-number">
          Logging in as <strong>{step.mobileMasked}</strong>
        </p>
      )}
      <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField ref={input} label="Password" value={password} onChange={setPassword} error={fieldError} autoComplete="current-password" />
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
        <Button type="submit" variant="buy" block disabled={busy} data-testid="password-submit">
          {busy ? 'Checking…' : 'Log in'}
        </Button>
      </form>
      <div className="auth-links">
        <Link to="/accounts/forgot" state={{ mobile: step.mobile }} className="auth-link">
          Forgot password?
        </Link>
      </div>
    </AuthCard>
  );
}
