/** The 10-digit Indian mobile number as shoppers type it, checked the way the server checks it. */

/** The server's message for `invalid-mobile`, used when no more precise hint applies. */
export const INVALID_MOBILE = 'Enter a valid 10-digit Indian mobile number.';

/** Why a (normalised) number is not one the server takes, or null when it is. */
export function mobileProblem(digits: string): string | null {
  if (digits.length === 0) return 'Enter your mobile number.';
  if (!/^\d+$/.test(digits)) return INVALID_MOBILE;
  if (digits.length < 10) return 'Enter all 10 digits of your mobile number.';
  if (digits.length > 10) return INVALID_MOBILE;
  if (!/^[6-9]/.test(digits)) return 'Indian mobile numbers start with 6, 7, 8 or 9.';
  return null;
}

/** "+91******3210": how the shop shows a number it has not been shown in full. */
export function maskMobile(digits: string): string {
  return `+91******${digits.slice(-4)}`;
}

/** "98765 43210": easier to check at a glance than ten digits in a row. */
export function formatMobile(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits;
}
