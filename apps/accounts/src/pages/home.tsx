/** The account home: on phones the menu of sections; on wide screens a summary beside the menu. */
import { Button, messageOf } from '@storefront/kit';
import { useState } from 'react';
import { Link } from 'react-router';
import { AccountMenu } from '../components/AccountNav';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import { useSignOut } from '../session/sign-out';

export default function HomePage(): React.ReactNode {
  const signOut = useSignOut();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <AccountFrame title="My account">
      {(account) => (
        <>
          <PageHeading className="acc-title sr-only-phone">My account</PageHeading>
          <div className="acc-home-menu">
            <AccountMenu account={account} />
          </div>
          <section className="acc-panel card" aria-labelledby="acc-details">
            <h2 id="acc-details" className="acc-panel-title">
              Account details
            </h2>
            <dl className="acc-details">
              <div>
                <dt>Mobile</dt>
                <dd>
                  <span data-testid="account-mobile">{account.mobileMasked}</span>{' '}
                  <Link to="/accounts/mobile" className="acc-inline-link" aria-label="Change your mobile number" data-testid="account-mobile-change">
                    Change
                  </Link>
                </dd>
              </div>
              <div>
                <dt>Name</dt>
                <dd>{account.name ?? <Link to="/accounts/profile">Add your name</Link>}</dd>
              </div>
              <div>
                <dt>Email</dt>
                <dd>{account.email ?? <Link to="/accounts/profile">Add an email</Link>}</dd>
              </div>
              <div>
                <dt>2-step verification</dt>
                <dd>
                  <Link to="/accounts/security">{account.hasPassword ? 'On' : 'Off: add a password'}</Link>
                </dd>
              </div>
            </dl>
          </section>
          <div className="acc-panel card">
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <Button
              variant="outline"
              block
              disabled={busy}
              data-testid="sign-out"
              onClick={() => {
                setBusy(true);
                signOut(false).catch((failure: unknown) => {
                  setBusy(false);
                  setError(messageOf(failure));
                });
              }}
            >
              Sign out
            </Button>
          </div>
        </>
      )}
    </AccountFrame>
  );
}
