/** Login and sign-up are one step: the mobile number. A code goes to it either way. */
import { ApiError, apiPost, Button, messageOf, type OtpSent } from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AuthCard, useTitle } from '../components/PageFrame';
import { MobileField } from '../components/MobileField';
import { maskMobile, mobileProblem } from '../forms/mobile';
import { nextQuery, safeNextPath } from '../forms/next-path';
import { formatWait } from '../forms/otp-messages';

/** Route state the login page accepts: a number to fill in, a note to show (after signing out). */
export interface LoginPageState {
  mobile?: string;
  notice?: string;
}

/** Route state of the code step. */
export interface VerifyPageState {
  mobile: string;
  sent: OtpSent;
  notice?: string;
}

export default function LoginPage(): React.ReactNode {
  useTitle('Login or sign up');
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const incoming = (location.state ?? {}) as LoginPageState;
  const [mobile, setMobile] = useState(incoming.mobile ?? '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const toCode = (state: VerifyPageState): void => {
    void navigate(`/accounts/verify${nextQuery(next)}`, { state });
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const problem = mobileProblem(mobile);
    setFieldError(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      toCode({ mobile, sent: await apiPost<OtpSent>('auth/identify', { mobile }) });
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) return setFormError(messageOf(error));
      if (error.code === 'invalid-mobile') {
        setFieldError(error.message);
        input.current?.focus();
      } else if (error.code === 'otp-resend-cooldown') {
        // A code went to this number moments ago and still works: go and enter it.
        toCode({
          mobile,
          sent: { otpSent: true, resendAfterSec: error.retryAfterSec ?? 30, expiresInSec: 300, mobileMasked: maskMobile(mobile) },
          notice: 'We sent you a code a moment ago. Enter it below, or wait to ask for a new one.',
        });
      } else {
        setFormError(error.retryAfterSec ? `${error.message} You can try again in ${formatWait(error.retryAfterSec)}.` : error.message);
      }
    }
  };

  return (
    <AuthCard title="Login or sign up" lede="Get access to your orders, saved addresses and a cart that follows you on every device.">
      {incoming.notice && (
        <p className="form-note" role="status" data-testid="login-notice">
          {incoming.notice}
        </p>
      )}
      <form className="auth-form" noValidate onSubmit={(event) => void submit(event)}>
        <MobileField ref={input} value={mobile} onChange={setMobile} error={fieldError} label="Enter your mobile number" />
        <p className="auth-terms">
          We will text you a 6-digit code. New here? The same code creates your account. By continuing, you agree to the shop’s
          Terms of Use and Privacy Policy.
        </p>
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
        <Button type="submit" variant="buy" block disabled={busy} data-testid="request-otp">
          {busy ? 'Sending code…' : 'Request OTP'}
        </Button>
      </form>
      <div className="auth-links">
        <Link to="/accounts/forgot" state={{ mobile }} className="auth-link">
          Forgot password?
        </Link>
      </div>
    </AuthCard>
  );
}
