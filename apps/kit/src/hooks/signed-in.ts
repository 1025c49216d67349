/**
 * Whether this browser has a signed-in session, from the readable hint cookie the server sets next to
 * the (HttpOnly) session cookie. Read after mount and on every navigation: shells render signed out.
 */
import { useEffect, useState } from 'react';

const HINT = /(?:^|;\s*)sf_signed_in=1(?:;|$)/;

export function useSignedIn(locationKey: string): boolean {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    setSignedIn(HINT.test(document.cookie));
  }, [locationKey]);
  return signedIn;
}
