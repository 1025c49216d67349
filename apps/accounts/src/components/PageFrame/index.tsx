/**
 * The two page frames of the accounts app: `AuthCard` for the login steps (a blue panel saying what
 * the step is for, then the form) and `AccountFrame` for the pages of a logged-in shopper.
 */
import { ErrorState, type Account } from '@storefront/kit';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { nextQuery } from '../../forms/next-path';
import { useAccountSession } from '../../session/account-session';
import { AccountNav } from '../AccountNav';
import './page-frame.css';

/** Sets the document title for the page on screen. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Storefront`;
  }, [title]);
}

/** A heading that takes the focus when its page opens, so screen readers start there. */
export function PageHeading({ children, focus = true, className = 'acc-title' }: { children: React.ReactNode; focus?: boolean; className?: string }): React.ReactNode {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <h1 ref={ref} className={className} tabIndex={-1}>
      {children}
    </h1>
  );
}

export interface AuthCardProps {
  title: React.ReactNode;
  lede: string;
  children: React.ReactNode;
  /** Whether the heading takes the focus (false when the page focuses its field). */
  focusHeading?: boolean;
}

/** The login steps' card: blue panel on top (on the left on wide screens), form below. */
export function AuthCard({ title, lede, children, focusHeading = false }: AuthCardProps): React.ReactNode {
  return (
    <main className="acc acc-auth">
      <section className="auth-card card">
        <div className="auth-hero">
          <PageHeading focus={focusHeading} className="auth-title">
            {title}
          </PageHeading>
          <p className="auth-lede">{lede}</p>
          <AuthArt />
        </div>
        <div className="auth-body">{children}</div>
      </section>
    </main>
  );
}

function AuthArt(): React.ReactNode {
  return (
    <svg className="auth-art" viewBox="0 0 120 80" width="120" height="80" aria-hidden="true">
      <rect x="38" y="4" width="44" height="72" rx="6" fill="#fff" opacity=".9" />
      <rect x="44" y="14" width="32" height="46" rx="2" fill="#e3ebfd" />
      <circle cx="60" cy="68" r="3" fill="#2874f0" />
      <rect x="50" y="30" width="20" height="10" rx="2" fill="#2874f0" />
      <path d="M6 50h26M14 40h18M88 30h26M88 42h18" stroke="#fff" strokeWidth="3" strokeLinecap="round" opacity=".6" />
    </svg>
  );
}

/** The loading look of an auth card: the same boxes, so nothing moves when the form appears. */
export function AuthCardSkeleton(): React.ReactNode {
  return (
    <main className="acc acc-auth" aria-busy="true">
      <section className="auth-card card">
        <div className="auth-hero">
          <span className="auth-title sk-line" style={{ width: '40%' }} />
          <span className="sk-line sk-light" style={{ width: '80%' }} />
        </div>
        <div className="auth-body">
          <span className="sk-line" style={{ width: '30%', height: 12 }} />
          <span className="sk-box" style={{ height: 48 }} />
          <span className="sk-box sk-button" style={{ height: 48 }} />
        </div>
      </section>
    </main>
  );
}

/** A page of a logged-in shopper: redirects to login (with `next`) when nobody is logged in. */
export function AccountFrame({ title, children }: { title: string; children: (account: Account) => React.ReactNode }): React.ReactNode {
  const { state, load } = useAccountSession();
  const location = useLocation();
  useTitle(title);
  useEffect(() => {
    if (state.status === 'unknown') load();
  }, [state.status, load]);
  if (state.status === 'out') {
    return <Navigate to={`/accounts/login${nextQuery(location.pathname + location.search)}`} replace />;
  }
  return (
    <main className="acc acc-home">
      <div className="acc-layout">
        <AccountNav account={state.account} />
        <section className="acc-content" aria-busy={state.status !== 'in'}>
          {state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={load} />
          ) : state.status === 'in' ? (
            children(state.account)
          ) : (
            <ContentSkeleton title={title} />
          )}
        </section>
      </div>
    </main>
  );
}

/** The content column while the account loads: the page's title and card-shaped blocks. */
export function ContentSkeleton({ title }: { title: string }): React.ReactNode {
  return (
    <>
      <h1 className="acc-title">{title}</h1>
      <div className="acc-panel card">
        <span className="sk-line" style={{ width: '50%' }} />
        <span className="sk-box" style={{ height: 48 }} />
        <span className="sk-box" style={{ height: 48 }} />
      </div>
    </>
  );
}
