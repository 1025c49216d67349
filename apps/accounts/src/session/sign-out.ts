/** Signing out of this browser or of every browser, then back to the login page with a note. */
import { apiPost, forgetShopper, refreshCart } from '@storefront/kit';
import { startTransition, useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useAccountSession } from './account-session';

/** Returns `signOut(everywhere)`; rejects with the server's error when it fails. */
export function useSignOut(): (everywhere: boolean) => Promise<void> {
  const { signedOut } = useAccountSession();
  const navigate = useNavigate();
  return useCallback(
    async (everywhere: boolean) => {
      await apiPost(everywhere ? 'auth/logout-all' : 'auth/logout');
      // The cart now is this browser's guest cart, not the account's.
      refreshCart();
      // A shared device keeps nothing of this shopper: cached searches and products, unsent events,
      // recently viewed, and the copies kept for offline use (the account's cart and addresses).
      await forgetShopper();
      const notice = everywhere ? 'You have signed out of every device.' : 'You have signed out.';
      // One render for both: the account page must not see "signed out" first and redirect on its own.
      startTransition(() => {
        void navigate('/accounts/login', { replace: true, state: { notice } });
        signedOut();
      });
    },
    [signedOut, navigate],
  );
}
