/** Offers shown on a product page: bank cards, partner deals, EMI and exchange, priced off the product. */
import type { Offer } from '../../../shared/api-types';
import { formatRupees } from '../../../shared/price';
import type { Random } from './random';

const BANKS = ['HDFC Bank', 'ICICI Bank', 'SBI', 'Axis Bank', 'Kotak Mahindra Bank', 'IDFC FIRST Bank'];
const PARTNERS = [
  ['Sign up for Pay Later', 'Get a free Times Prime membership worth ₹1,199'],
  ['Buy with SuperCoins', 'Get up to 10% off using your SuperCoins'],
  ['Special Price', 'Get extra discount (price inclusive of cashback/coupon)'],
] as const;

/** Two to four offers for a product selling at `price` paise. */
export function makeOffers(random: Random, price: number, bigTicket: boolean): Offer[] {
  const offers: Offer[] = [];
  const bank = random.pick(BANKS);
  const cap = Math.max(50_00, Math.min(4000_00, Math.round(price / 10 / 50_00) * 50_00));
  offers.push({ kind: 'bank', title: 'Bank Offer', detail: `${random.pick([5, 10])}% off on ${bank} Credit Card Transactions, up to ${formatRupees(cap)} on orders of ${formatRupees(Math.max(500_00, cap * 5))} and above` });
  if (random.chance(0.6)) {
    const [title, detail] = random.pick(PARTNERS);
    offers.push({ kind: 'partner', title, detail });
  }
  if (price >= 3000_00) {
    const months = price >= 30000_00 ? 12 : 6;
    offers.push({ kind: 'emi', title: 'No Cost EMI', detail: `${formatRupees(Math.ceil(price / months / 100) * 100)}/month for ${months} months. Standard EMI also available` });
  }
  if (bigTicket && random.chance(0.7)) {
    offers.push({ kind: 'exchange', title: 'Exchange Offer', detail: `Up to ${formatRupees(Math.round((price * random.int(20, 60)) / 100 / 100_00) * 100_00)} off on exchange of your old device` });
  }
  if (offers.length < 2) offers.push({ kind: 'coupon', title: 'Coupon', detail: `Extra ${random.pick([5, 10])}% off on your first order, up to ₹100` });
  return offers;
}
