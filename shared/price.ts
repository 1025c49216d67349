/** Price maths shared by the catalog, the cart and the apps. All amounts are integer paise. */
import type { PriceSummary } from './api-types';

/** Orders at or above this total ship free. */
export const FREE_DELIVERY_THRESHOLD = 500_00;
export const DELIVERY_FEE = 40_00;

/** Whole-percent discount of `price` off `mrp`, rounded down so a label never overstates it. */
export function discountPercent(mrp: number, price: number): number {
  assertPaise(mrp, 'mrp');
  assertPaise(price, 'price');
  if (mrp === 0 || price >= mrp) return 0;
  return Math.floor(((mrp - price) * 100) / mrp);
}

/** Selling price for a given MRP and discount percent, rounded to the nearest rupee as shops print it. */
export function priceAfterDiscount(mrp: number, percent: number): number {
  assertPaise(mrp, 'mrp');
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new TypeError(`discount percent must be within 0..100, got ${percent}`);
  }
  return Math.round((mrp * (100 - percent)) / 100 / 100) * 100;
}

/** Totals of a cart: MRP, discount, delivery and what the shopper pays. */
export function summarize(lines: ReadonlyArray<{ unitMrp: number; unitPrice: number; quantity: number }>): PriceSummary {
  let itemCount = 0;
  let mrpTotal = 0;
  let subtotal = 0;
  for (const line of lines) {
    itemCount += line.quantity;
    mrpTotal += line.unitMrp * line.quantity;
    subtotal += line.unitPrice * line.quantity;
  }
  const deliveryFee = itemCount === 0 || subtotal >= FREE_DELIVERY_THRESHOLD ? 0 : DELIVERY_FEE;
  const discount = mrpTotal - subtotal;
  return { itemCount, mrpTotal, discount, deliveryFee, total: subtotal + deliveryFee, savings: discount };
}

/** `₹1,23,456` in the Indian digit grouping; paise shown only when present. */
export function formatRupees(paise: number): string {
  const digits = paise % 100 === 0 ? 0 : 2;
  return '₹' + (paise / 100).toLocaleString('en-IN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function assertPaise(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative whole number of paise, got ${value}`);
  }
}
