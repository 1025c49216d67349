/** Name and email. Right after sign-up it is the welcome step ("what should we call you?"). */
import { ApiError, apiRequest, Button, Field, messageOf, type Account, type AccountAnswer } from '@storefront/kit';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AccountFrame, PageHeading } from '../components/PageFrame';
import { safeNextPath } from '../forms/next-path';
import { profileProblems, type ProfileProblems } from '../forms/profile-rules';
import { useAccountSession } from '../session/account-session';
import { useGoTo } from '../session/finish-login';

export default function ProfilePage(): React.ReactNode {
  const [params] = useSearchParams();
  const welcome = params.get('welcome') === '1';
  return <AccountFrame title={welcome ? 'Welcome' : 'Profile'}>{(account) => <ProfileForm account={account} welcome={welcome} next={safeNextPath(params.get('next'))} />}</AccountFrame>;
}

function ProfileForm({ account, welcome, next }: { account: Account; welcome: boolean; next: string }): React.ReactNode {
  const { signedIn } = useAccountSession();
  const goTo = useGoTo();
  const [name, setName] = useState(account.name ?? '');
  const [email, setEmail] = useState(account.email ?? '');
  const [problems, setProblems] = useState<ProfileProblems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  const focusFirst = (found: ProfileProblems): void => (found.name ? nameInput : emailInput).current?.focus();

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const found = profileProblems(name, email);
    setProblems(found);
    if (found.name || found.email) return focusFirst(found);
    setBusy(true);
    try {
      const answer = await apiRequest<AccountAnswer>('account/profile', {
        method: 'PATCH',
        body: { name: name.trim() || null, email: email.trim() || null },
      });
      signedIn(answer.account);
      if (welcome) return goTo(next);
      setSaved(true);
      setBusy(false);
    } catch (error) {
      setBusy(false);
      const list = error instanceof ApiError ? (error.details as { problems?: Array<{ field: string; problem: string }> } | null)?.problems : undefined;
      const fromServer: ProfileProblems = {};
      for (const p of list ?? []) if (p.field === 'name' || p.field === 'email') fromServer[p.field] ??= `This ${p.problem}.`;
      if (fromServer.name || fromServer.email) {
        setProblems(fromServer);
        focusFirst(fromServer);
      } else setFormError(messageOf(error));
    }
  };

  return (
    <>
      <PageHeading>{welcome ? 'Welcome to Storefront!' : 'Profile'}</PageHeading>
      <form className="acc-panel card" noValidate onSubmit={(event) => void submit(event)}>
        {welcome && <p className="acc-muted">Your account is ready. What should we call you? You can add this later, too.</p>}
        <Field ref={nameInput} id="name" label="Full name" autoComplete="name" value={name} error={problems.name} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
        <Field
          ref={emailInput}
          id="email"
          label="Email address (optional)"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          error={problems.email}
          hint="For order updates. We never share it."
          onChange={(e) => setEmail(e.target.value)}
          data-testid="email-input"
        />
        <div className="field">
          <span className="field-label">Mobile number</span>
          <p className="acc-static" data-testid="profile-mobile">
            {account.mobileMasked}
          </p>
        </div>
        <p className="form-error" role="alert">
          {formError}
        </p>
        <p className="form-note" role="status" data-testid="profile-saved">
          {saved ? 'Your profile is saved.' : ''}
        </p>
        <div className="acc-actions">
          <Button type="submit" variant="buy" disabled={busy} data-testid="profile-save">
            {busy ? 'Saving…' : welcome ? 'Continue' : 'Save'}
          </Button>
          {welcome && (
            <Button variant="outline" onClick={() => goTo(next)} data-testid="profile-skip">
              Skip for now
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
