/**
 * The PIN code the shopper last asked delivery for, kept in localStorage so every product page
 * answers for it at once; forgotten at sign-out with the rest of what a shared phone should not keep.
 */

const STORAGE_KEY = 'sf.deliveryPin';
/** Six digits, the first not 0: the shape of every Indian PIN code (the server checks the same). */
const PIN_CODE = /^[1-9]\d{5}$/;

/** What a person typed or pasted, as digits only (spaces, "PIN:" and the like dropped), at most six. */
export function normalisePinInput(text: string): string {
  // Devanagari and other Unicode digits are not PIN digits the server takes; only ASCII ones count.
  return text.replace(/[^0-9]/g, '').slice(0, 6);
}

/** Why `pin` is not a PIN code, in words a shopper can act on, or null when it is one. */
export function pinProblem(pin: string): string | null {
  if (pin.length === 0) return 'Enter a PIN code.';
  if (pin.length < 6) return 'A PIN code has 6 digits.';
  if (!PIN_CODE.test(pin)) return 'A PIN code does not start with 0.';
  return null;
}

/** Stored text → PIN code; anything else (another version, a hand edit) counts as none. */
export function parseStoredPin(raw: string | null): string | null {
  return raw !== null && PIN_CODE.test(raw) ? raw : null;
}

/** The remembered PIN code, or null; null too where storage is blocked. Call only after mount. */
export function readDeliveryPin(): string | null {
  try {
    return parseStoredPin(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Remembers `pin` for the next product page; a blocked storage only means it is asked again. */
export function rememberDeliveryPin(pin: string): void {
  if (!PIN_CODE.test(pin)) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, pin);
  } catch {
    // Private mode or a full storage: the answer still shows on this page.
  }
}

/** Forgets the remembered PIN code (sign-out on a shared device). */
export function forgetDeliveryPin(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
