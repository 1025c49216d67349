/**
 * Who is logged in, shared by every accounts page. Asked of the server (`/api/account/me`) only
 * when a page needs an account, so that the login pages make no request that answers 401.
 */
import { apiRequest, type Account, type AccountAnswer, type ApiError } from '@storefront/kit';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';

export type SessionState =
  | { status: 'unknown' | 'loading' | 'out'; account: null; error: null }
  | { status: 'in'; account: Account; error: null }
  | { status: 'error'; account: null; error: ApiError };

export interface AccountSession {
  state: SessionState;
  /** Asks the server who is logged in (again). */
  load(): void;
  /** Takes the account a login or an edit answered with. */
  signedIn(account: Account): void;
  /** Forgets the account after signing out (or a 401). */
  signedOut(): void;
}

const SessionContext = createContext<AccountSession | null>(null);

const UNKNOWN: SessionState = { status: 'unknown', account: null, error: null };

/** Holds the session for the pages inside it. */
export function AccountSessionProvider({ children }: { children: React.ReactNode }): React.ReactNode {
  const [state, setState] = useState<SessionState>(UNKNOWN);
  const load = useCallback(() => {
    setState({ status: 'loading', account: null, error: null });
    apiRequest<AccountAnswer>('account/me').then(
      ({ account }) => setState({ status: 'in', account, error: null }),
      (error: ApiError) =>
        setState(error.status === 401 ? { status: 'out', account: null, error: null } : { status: 'error', account: null, error }),
    );
  }, []);
  const signedIn = useCallback((account: Account) => setState({ status: 'in', account, error: null }), []);
  const signedOut = useCallback(() => setState({ status: 'out', account: null, error: null }), []);
  const value = useMemo(() => ({ state, load, signedIn, signedOut }), [state, load, signedIn, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the surrounding provider. */
export function useAccountSession(): AccountSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAccountSession needs an AccountSessionProvider');
  return session;
}

