/**
 * Whether this browser has a signed-in session, from the readable hint cookie the server sets next to
 * the (HttpOnly) session cookie. Read after mount and on every navigation: shells render signed out.
 */
import { useEffect, useState } from 'react';

const HINT = /(?:^|;\s*)sf_signed_in=1(?:;|$)/;

/** Signed in (by the hint cookie), right now; false outside a browser. */
export function isSignedIn(): boolean {
  return typeof document !== 'undefined' && HINT.test(document.cookie);
}

/** The hint, read after mount and again whenever `locationKey` changes. */
export function useSignedIn(locationKey: string): boolean {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    setSignedIn(isSignedIn());
  }, [locationKey]);
  return signedIn;
}
