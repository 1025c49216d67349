/** Orders in the shopper's words: statuses, payments, dates and delivery windows, in India's time. */
import type { DeliveryEstimate, OrderPayment, OrderStatus, PaymentMethod, PaymentStatus } from '../../../../shared/api-types';

/** The statuses an order moves through, in order (cancelled is off this path). */
export const ORDER_PROGRESS: readonly OrderStatus[] = ['placed', 'packed', 'shipped', 'out_for_delivery', 'delivered'];

const STATUS_LABELS: Record<OrderStatus, string> = {
  placed: 'Order placed',
  packed: 'Packed',
  shipped: 'Shipped',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** "Out for delivery" for `out_for_delivery`. */
export function orderStatusLabel(status: OrderStatus): string {
  return STATUS_LABELS[status];
}

const METHOD_LABELS: Record<PaymentMethod, string> = { cod: 'Cash on delivery', 'test-gateway': 'UPI or card' };

/** "Cash on delivery", "UPI or card". */
export function paymentMethodLabel(method: PaymentMethod): string {
  return METHOD_LABELS[method];
}

const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  due: 'Pay when it arrives',
  pending: 'Waiting for payment',
  paid: 'Paid',
  failed: 'Payment failed',
  expired: 'Payment not completed in time',
  cancelled: 'No payment taken',
  refunded: 'Refunded',
};

/** Where the money stands: "Paid", "Payment failed"… */
export function paymentStatusLabel(payment: Pick<OrderPayment, 'status'>): string {
  return PAYMENT_STATUS_LABELS[payment.status];
}

const IST = 'Asia/Kolkata';

/** "Mon, 1 Dec 2026" for an ISO instant, as the day is in India. */
export function formatOrderDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-IN', { timeZone: IST, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "1 Dec, 2:05 pm" for an ISO instant, in India's time: a timeline row. */
export function formatOrderTime(iso: string): string {
  return new Date(iso).toLocaleString('en-IN', { timeZone: IST, day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** "Delivery by Tue, 2 Dec" or "Delivery between Mon, 1 Dec and Wed, 3 Dec" (dates are already IST days). */
export function deliveryWindow(delivery: Pick<DeliveryEstimate, 'from' | 'to'>): string {
  const day = (date: string): string => new Date(`${date}T12:00:00+05:30`).toLocaleDateString('en-IN', { timeZone: IST, weekday: 'short', day: 'numeric', month: 'short' });
  return delivery.from === delivery.to ? `Delivery by ${day(delivery.to)}` : `Delivery between ${day(delivery.from)} and ${day(delivery.to)}`;
}

/** "Colour: Pink, Size: M" for a line's variant, or null when the product has none. */
export function variantLabel(variant: { color: string; size: string | null } | null): string | null {
  if (!variant) return null;
  return variant.size ? `Colour: ${variant.color}, Size: ${variant.size}` : `Colour: ${variant.color}`;
}
