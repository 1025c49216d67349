/** What happens once the server says who the shopper is: where the login flow goes next. */
import { refreshCart, type LoginAnswer } from '@storefront/kit';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { isAccountsPath, nextQuery } from '../forms/next-path';
import { useAccountSession } from './account-session';

/** Route state of the login steps: the number being verified. */
export interface LoginStepState {
  mobile: string;
  mobileMasked: string;
}

/** Goes to `next`: a client-side navigation inside this app, a full load into another. */
export function useGoTo(): (path: string) => void {
  const navigate = useNavigate();
  return useCallback(
    (path: string) => {
      if (isAccountsPath(path)) void navigate(path, { replace: true });
      else window.location.assign(path);
    },
    [navigate],
  );
}

/**
 * Follows the server's answer: a new account asks for a name first, a login goes back where the
 * shopper came from, and an account with a password asks for it.
 */
export function useFinishLogin(next: string, step: LoginStepState): (answer: LoginAnswer) => void {
  const { signedIn } = useAccountSession();
  const navigate = useNavigate();
  const goTo = useGoTo();
  return useCallback(
    (answer: LoginAnswer) => {
      if (answer.status === 'password-required') {
        void navigate(`/accounts/password${nextQuery(next)}`, { state: step });
        return;
      }
      signedIn(answer.account);
      // The server merged the guest cart into the account's: the badge must show the merged count.
      refreshCart();
      if (answer.status === 'signed-up') {
        void navigate(`/accounts/profile?welcome=1${next === '/accounts' ? '' : `&next=${encodeURIComponent(next)}`}`, { replace: true });
      } else {
        goTo(next);
      }
    },
    [navigate, next, step, signedIn, goTo],
  );
}
