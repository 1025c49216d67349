/**
 * When a parcel to an Indian PIN code arrives: a deterministic rule from postal zones, shared by
 * checkout and the product page's "deliver to" line. No courier API: the shop ships from
 * three warehouses, and the distance in the PIN's own hierarchy (region digit, sorting district)
 * decides the days.
 */
import type { DeliveryEstimate } from '../../shared/api-types';
import { unserviceableReason } from './pin-serviceability';

export type DeliveryZone = DeliveryEstimate['zone'];

/** Sorting districts (first three PIN digits) of the warehouses: New Delhi, Mumbai, Bengaluru. */
const WAREHOUSE_DISTRICTS = new Set(['110', '400', '560']);
/** Other metro districts, served by daily line hauls: Chennai, Kolkata, Hyderabad, Pune, Ahmedabad, Gurugram, Noida. */
const METRO_DISTRICTS = new Set(['600', '700', '500', '411', '380', '122', '201']);
/** Postal regions (the first digit) that have a warehouse. */
const WAREHOUSE_REGIONS = new Set(['1', '4', '5']);
/**
 * Places reached by air or long road hauls only: Jammu & Kashmir and Ladakh (18–19), the North East
 * (78–79), Andaman & Nicobar (744) and Lakshadweep (682 551–559).
 */
const REMOTE = /^(1[89]|7[89]|744|6825[5-9])/;

/** Days from dispatch to delivery, per zone. */
export const ZONE_DAYS: Record<DeliveryZone, { min: number; max: number }> = {
  local: { min: 1, max: 2 },
  metro: { min: 2, max: 3 },
  regional: { min: 3, max: 5 },
  national: { min: 4, max: 6 },
  remote: { min: 6, max: 9 },
};

/** Orders placed after this hour (IST) leave the warehouse the next day. */
export const DISPATCH_CUTOFF_HOUR_IST = 14;
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** The zone of a 6-digit PIN code that couriers deliver to (ask `unserviceableReason` first). */
export function deliveryZone(pin: string): DeliveryZone {
  const unserviceable = unserviceableReason(pin);
  if (unserviceable !== null) throw new RangeError(`no delivery to ${pin}: ${unserviceable}`);
  if (REMOTE.test(pin)) return 'remote';
  const district = pin.slice(0, 3);
  if (WAREHOUSE_DISTRICTS.has(district)) return 'local';
  if (METRO_DISTRICTS.has(district)) return 'metro';
  if (WAREHOUSE_REGIONS.has(pin[0]!)) return 'regional';
  return 'national';
}

/** The delivery window for an order to `pin` placed at `now` (ms); couriers do not deliver on Sundays. */
export function estimateDelivery(pin: string, now: number): DeliveryEstimate {
  const zone = deliveryZone(pin);
  const days = ZONE_DAYS[zone];
  // Calendar arithmetic in IST: shift the instant, then read it with the UTC getters.
  const ist = new Date(now + IST_OFFSET_MS);
  let dispatch = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate());
  if (ist.getUTCHours() >= DISPATCH_CUTOFF_HOUR_IST) dispatch += DAY_MS;
  return { pin, zone, minDays: days.min, maxDays: days.max, from: isoDate(addDeliveryDays(dispatch, days.min)), to: isoDate(addDeliveryDays(dispatch, days.max)) };
}

/** `day` plus `count` days on which couriers deliver (every day but Sunday). */
function addDeliveryDays(day: number, count: number): number {
  let at = day;
  for (let left = count; left > 0; ) {
    at += DAY_MS;
    if (new Date(at).getUTCDay() !== 0) left--;
  }
  return at;
}

function isoDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
