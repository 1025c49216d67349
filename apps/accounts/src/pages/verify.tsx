/** The code step of login and sign-up: the number masked, the code, resend, then wherever the server says. */
import { apiPost, type LoginAnswer, type OtpSent } from '@storefront/kit';
import { Navigate, Link, useLocation, useSearchParams } from 'react-router';
import { useMemo } from 'react';
import { OtpEntry } from '../components/OtpEntry';
import { AuthCard, useTitle } from '../components/PageFrame';
import { nextQuery, safeNextPath } from '../forms/next-path';
import { useFinishLogin } from '../session/finish-login';
import type { VerifyPageState } from './login';

export default function VerifyPage(): React.ReactNode {
  useTitle('Enter the code');
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const state = location.state as VerifyPageState | null;
  const step = useMemo(() => ({ mobile: state?.mobile ?? '', mobileMasked: state?.sent.mobileMasked ?? '' }), [state]);
  const finish = useFinishLogin(next, step);
  // Opened without a number (a bookmark, a new tab): start from the number.
  if (!state?.mobile) return <Navigate to={`/accounts/login${nextQuery(next)}`} replace />;
  const { mobile, sent } = state;
  return (
    <AuthCard title="Enter the code" lede="Your number is your login: no password to remember.">
      <p className="auth-number">
        <span>
          Sent by SMS to <strong data-testid="masked-mobile">{sent.mobileMasked}</strong>
        </span>
        <Link to={`/accounts/login${nextQuery(next)}`} state={{ mobile }} className="auth-link" aria-label="Change the mobile number">
          Change
        </Link>
      </p>
      {state.notice && <p className="form-note">{state.notice}</p>}
      <OtpEntry
        sent={sent}
        verify={async (code) => finish(await apiPost<LoginAnswer>('auth/otp/verify', { mobile, code }))}
        resend={() => apiPost<OtpSent>('auth/otp/resend', { mobile, purpose: 'login' })}
      />
    </AuthCard>
  );
}
