/**
 * Which PIN codes the shop's couriers reach at all. A PIN code is well formed or not (a 400); a
 * well-formed one may still name a place no courier delivers to, and the shopper is told why.
 */

/** Six digits, the first not 0: the shape of every Indian PIN code. */
export const PIN_CODE = /^[1-9]\d{5}$/;

/**
 * Army Postal Service and field post offices (postal region 9): mail there goes through the
 * forces' own post, which takes no parcels from private couriers.
 */
const ARMY_POSTAL_SERVICE = /^9/;

/** Why no courier delivers to `pin` (a person can read it), or null when one does. */
export function unserviceableReason(pin: string): string | null {
  if (!PIN_CODE.test(pin)) throw new TypeError(`not a PIN code: ${JSON.stringify(pin)}`);
  if (ARMY_POSTAL_SERVICE.test(pin)) return 'PIN codes starting with 9 belong to the Army Postal Service, which our couriers cannot deliver to.';
  return null;
}
