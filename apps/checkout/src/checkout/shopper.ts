/**
 * Checkout is for signed-in shoppers. A guest goes to the accounts app's login with the step as
 * `?next=`, and the login sends them back to that very step (the cart was merged on login).
 */
import { isSignedIn, trackCheckout, useHydrated, type CheckoutStep } from '@storefront/kit';
import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The login page that comes back to `path` (a path of this shop) once the shopper is in. */
export function loginUrl(path: string): string {
  return `/accounts/login?next=${encodeURIComponent(path)}`;
}

/** Leaves for the login page; the accounts app is another app, so it is a full navigation. */
export function goToLogin(step: CheckoutStep, path: string): void {
  trackCheckout(step, 'login-required');
  window.location.assign(loginUrl(path));
}

/**
 * True once the page knows the shopper is signed in (by the session's hint cookie, which works
 * offline too); a guest is sent to log in. False in the shell and while leaving.
 */
export function useShopper(step: CheckoutStep): boolean {
  const hydrated = useHydrated();
  const location = useLocation();
  const signedIn = hydrated && isSignedIn();
  useEffect(() => {
    if (hydrated && !isSignedIn()) goToLogin(step, location.pathname + location.search);
  }, [hydrated, step, location.pathname, location.search]);
  return signedIn;
}
