/** What a shopper types into a mobile-number input, cleaned the way the server will read it. */

/**
 * Keeps the digits of what was typed or pasted, dropping a +91, 91 or 0 prefix once the rest is a
 * full number, and never more than 10 digits: "+91 98765 43210" becomes "9876543210".
 */
export function normaliseMobileInput(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 12 && digits.startsWith('91')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0')) return digits.slice(1);
  return digits.slice(0, 10);
}
