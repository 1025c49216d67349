/** Store rows of an order mapped onto the wire types (`Order`, `OrderSummary`). */
import type { Selectable } from 'kysely';
import type { AppliedOffer, DeliveryEstimate, LineVariant, Order, OrderAddress, OrderStatus, OrderSummary, OrderTotals, PaymentMethod, PaymentStatus, ProductImage } from '../../shared/api-types';
import type { PaymentsTable } from '../payments/tables';
import type { OrderLinesTable, OrdersTable, OrderTimelineTable } from './tables';

/** Statuses in which the shopper may still cancel. */
export const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['placed', 'packed']);

type LineRow = Pick<Selectable<OrderLinesTable>, 'product_id' | 'variant_id' | 'title' | 'image' | 'variant' | 'quantity'>;

function iso(ms: number | string): string {
  return new Date(Number(ms)).toISOString();
}

/** A line's JSON columns, parsed. */
interface LineDocuments {
  image: ProductImage;
  variant: LineVariant | null;
}

/** An order's JSON columns and its lines', parsed: what `toOrder` shows of them. */
export interface OrderDocuments {
  address: OrderAddress;
  totals: OrderTotals;
  offers: AppliedOffer[];
  delivery: DeliveryEstimate;
  lines: LineDocuments[];
}

function parseLine(line: Pick<LineRow, 'image' | 'variant'>): LineDocuments {
  return { image: JSON.parse(line.image) as ProductImage, variant: line.variant === null ? null : (JSON.parse(line.variant) as LineVariant) };
}

function lineBasics(line: LineRow, documents: LineDocuments = parseLine(line)) {
  return {
    productId: line.product_id,
    variantId: line.variant_id,
    title: line.title,
    image: documents.image,
    variant: documents.variant,
    quantity: Number(line.quantity),
  };
}

/** The order as `GET /api/orders/:orderId` answers it. */
export function toOrder(
  row: Selectable<OrdersTable>,
  lines: Array<Selectable<OrderLinesTable>>,
  timeline: Array<Selectable<OrderTimelineTable>>,
  payment: Selectable<PaymentsTable> | undefined,
  pageUrl: (payment: Selectable<PaymentsTable>) => string | undefined,
  // A new order passes the values its JSON columns were written from: parsing them back is the
  // same data (JSON.stringify of either gives the same text), at a cost on every order placed.
  documents: OrderDocuments = {
    address: JSON.parse(row.address) as OrderAddress,
    totals: JSON.parse(row.totals) as OrderTotals,
    offers: JSON.parse(row.offers) as AppliedOffer[],
    delivery: JSON.parse(row.delivery) as DeliveryEstimate,
    lines: lines.map(parseLine),
  },
): Order {
  const status = row.status as OrderStatus;
  const paymentStatus = row.payment_status as PaymentStatus;
  const { totals } = documents;
  const pending = paymentStatus === 'pending' && payment !== undefined && payment.status === 'pending';
  const redirectUrl = pending ? pageUrl(payment) : undefined;
  return {
    id: row.id,
    status,
    lines: lines.map((line, i) => ({
      ...lineBasics(line, documents.lines[i]),
      unitPrice: Number(line.unit_price),
      mrp: Number(line.unit_mrp),
      lineTotal: Number(line.line_total),
    })),
    address: documents.address,
    payment: {
      method: row.payment_method as PaymentMethod,
      status: paymentStatus,
      amount: totals.total,
      ...(redirectUrl ? { redirectUrl } : {}),
      ...(pending ? { expiresAt: iso(payment.expires_at) } : {}),
    },
    totals,
    offers: documents.offers,
    delivery: documents.delivery,
    timeline: timeline.map((entry) => ({ status: entry.status as OrderStatus, note: entry.note, at: iso(entry.at) })),
    canCancel: CANCELLABLE.has(status),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The order as a row of `GET /api/orders`. */
export function toOrderSummary(row: Selectable<OrdersTable>, lines: LineRow[]): OrderSummary {
  return {
    id: row.id,
    status: row.status as OrderStatus,
    payment: { method: row.payment_method as PaymentMethod, status: row.payment_status as PaymentStatus },
    itemCount: Number(row.item_count),
    total: Number(row.total),
    lines: lines.map((line) => lineBasics(line)),
    createdAt: iso(row.created_at),
  };
}
