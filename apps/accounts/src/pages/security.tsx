/**
 * Login and security: the mobile number (changed on its own page), 2-step verification (set, change or remove the password, with a step-up
 * by code when the last login is older than 10 minutes), sign out, sign out of every device.
 */
import { ApiError, apiPost, apiRequest, Button, buttonClassName, messageOf, type Account, type AccountAnswer } from '@storefront/kit';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import { PasswordField } from '../components/PasswordField';
import { useStepUp } from '../components/StepUp';
import { NEW_PASSWORD_HINT, passwordProblem, weakPasswordMessage } from '../forms/password-rules';
import { useAccountSession } from '../session/account-session';
import { useSignOut } from '../session/sign-out';

export default function SecurityPage(): React.ReactNode {
  return (
    <AccountFrame title="Login & security">
      {(account) => (
        <>
          <PageHeading>Login &amp; security</PageHeading>
          <MobileSettings account={account} />
          <PasswordSettings account={account} />
          <SignOutSettings />
        </>
      )}
    </AccountFrame>
  );
}

function MobileSettings({ account }: { account: Account }): React.ReactNode {
  return (
    <section className="acc-panel card" aria-labelledby="mobile-title" data-testid="mobile-settings">
      <h2 id="mobile-title" className="acc-panel-title">
        Mobile number
      </h2>
      <div className="acc-row">
        <p>
          <strong className="acc-number" data-testid="security-mobile">
            {account.mobileMasked}
          </strong>
          <span className="acc-muted"> You log in with this number.</span>
        </p>
        <Link to="/accounts/mobile" className={buttonClassName('outline')} aria-label="Change your mobile number" data-testid="mobile-change-link">
          Change
        </Link>
      </div>
    </section>
  );
}

function PasswordSettings({ account }: { account: Account }): React.ReactNode {
  const { signedIn } = useAccountSession();
  const stepUp = useStepUp();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (action: () => Promise<AccountAnswer>, done: string): Promise<void> => {
    setBusy(true);
    setFormError(null);
    setNote('');
    try {
      let answer: { account: Account } | null = null;
      const finished = await stepUp.guard(async () => {
        answer = await action();
      });
      if (finished && answer) {
        signedIn((answer as { account: Account }).account);
        setPassword('');
        setConfirmRemove(false);
        setNote(done);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'weak-password') {
        setFieldError(weakPasswordMessage(error.details));
        input.current?.focus();
      } else setFormError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const problem = passwordProblem(password);
    setFieldError(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    void run(
      () => apiPost<AccountAnswer>('auth/password', { password }),
      account.hasPassword
        ? 'Your password is changed. Other devices have been signed out.'
        : '2-step verification is on. After the code, you will be asked for this password. Other devices have been signed out.',
    );
  };

  return (
    <section className="acc-panel card" aria-labelledby="two-step-title" data-testid="password-settings">
      <h2 id="two-step-title" className="acc-panel-title">
        2-step verification{' '}
        <span className={`acc-badge${account.hasPassword ? ' acc-badge-on' : ''}`} data-testid="two-step-status">
          {account.hasPassword ? 'On' : 'Off'}
        </span>
      </h2>
      <p className="acc-muted">
        {account.hasPassword
          ? 'Logging in takes the code we text you and your password.'
          : 'Add a password so that logging in needs the code we text you and the password. Someone with your SIM alone cannot get in.'}
      </p>
      <p className="form-note" role="status" data-testid="security-note">
        {note}
      </p>
      {stepUp.panel ?? (
        <>
          <form className="acc-form" noValidate onSubmit={save}>
            <PasswordField
              ref={input}
              id="new-password"
              label={account.hasPassword ? 'New password' : 'Choose a password'}
              hint={NEW_PASSWORD_HINT}
              value={password}
              onChange={setPassword}
              error={fieldError}
              autoComplete="new-password"
            />
            <p className="form-error" role="alert" data-testid="security-error">
              {formError}
            </p>
            <Button type="submit" variant="buy" disabled={busy} data-testid="password-save">
              {account.hasPassword ? 'Change password' : 'Turn on 2-step verification'}
            </Button>
          </form>
          {account.hasPassword &&
            (confirmRemove ? (
              <div className="acc-confirm" role="group" aria-label="Turn off 2-step verification?">
                <p>Turn off 2-step verification? Logging in will need only the code we text you.</p>
                <div className="acc-actions">
                  <Button
                    variant="outline"
                    disabled={busy}
                    onClick={() => void run(() => apiRequest<AccountAnswer>('auth/password', { method: 'DELETE' }), '2-step verification is off.')}
                    data-testid="password-remove-confirm"
                  >
                    Turn off
                  </Button>
                  <Button variant="outline" onClick={() => setConfirmRemove(false)}>
                    Keep it on
                  </Button>
                </div>
              </div>
            ) : (
              <Button variant="outline" onClick={() => setConfirmRemove(true)} data-testid="password-remove">
                Remove password
              </Button>
            ))}
        </>
      )}
    </section>
  );
}

function SignOutSettings(): React.ReactNode {
  const signOut = useSignOut();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = (everywhere: boolean): void => {
    setBusy(true);
    setError(null);
    signOut(everywhere).catch((failure: unknown) => {
      setBusy(false);
      setError(messageOf(failure));
    });
  };
  return (
    <section className="acc-panel card" aria-labelledby="sign-out-title">
      <h2 id="sign-out-title" className="acc-panel-title">
        Sign out
      </h2>
      <p className="acc-muted">Lost a phone or used a shared computer? Signing out of every device ends every login to your account, this one included.</p>
      <p className="form-error" role="alert">
        {error}
      </p>
      <div className="acc-actions">
        <Button variant="outline" disabled={busy} onClick={() => go(false)} data-testid="sign-out">
          Sign out
        </Button>
        <Button variant="outline" disabled={busy} onClick={() => go(true)} data-testid="sign-out-everywhere">
          Sign out of all devices
        </Button>
      </div>
    </section>
  );
}
