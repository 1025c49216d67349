/**
 * The rows a new order writes (the order, its lines, its first timeline row, its pending payment),
 * each insert compiled once (store/prepared-query.ts): placing orders is the shop's busiest write.
 */
import type { Kysely, Selectable } from 'kysely';
import type { PaymentsTable } from '../payments/tables';
import { preparedQuery, row } from '../store/prepared-query';
import type { Database } from '../store/schema';
import type { OrderLinesTable, OrdersTable, OrderTimelineTable } from './tables';

type OrderRow = Selectable<OrdersTable>;
type LineRow = Selectable<OrderLinesTable>;
type TimelineRow = Selectable<OrderTimelineTable>;
type PaymentRow = Selectable<PaymentsTable>;

const ORDER_COLUMNS = ['id', 'account_id', 'status', 'payment_method', 'payment_status', 'address', 'totals', 'offers', 'delivery', 'item_count', 'total', 'created_at', 'updated_at'] as const satisfies ReadonlyArray<keyof OrderRow>;
const LINE_COLUMNS = ['order_id', 'position', 'product_id', 'variant_id', 'title', 'image', 'variant', 'quantity', 'unit_price', 'unit_mrp', 'line_total'] as const satisfies ReadonlyArray<keyof LineRow>;
const TIMELINE_COLUMNS = ['order_id', 'seq', 'status', 'note', 'at'] as const satisfies ReadonlyArray<keyof TimelineRow>;
const PAYMENT_COLUMNS = ['id', 'order_id', 'provider', 'status', 'amount', 'reference', 'created_at', 'updated_at', 'expires_at'] as const satisfies ReadonlyArray<keyof PaymentRow>;

const insertOrder = preparedQuery((db, p: OrderRow) => db.insertInto('orders').values(row(p, ORDER_COLUMNS)));
const insertLine = preparedQuery((db, p: LineRow) => db.insertInto('order_lines').values(row(p, LINE_COLUMNS)));
const insertTimeline = preparedQuery((db, p: TimelineRow) => db.insertInto('order_timeline').values(row(p, TIMELINE_COLUMNS)));
const insertPayment = preparedQuery((db, p: PaymentRow) => db.insertInto('payments').values(row(p, PAYMENT_COLUMNS)));

/** Writes a new order's rows inside the caller's transaction. */
export async function writeNewOrder(trx: Kysely<Database>, order: OrderRow, lines: readonly LineRow[], timeline: readonly TimelineRow[], payment: PaymentRow | undefined): Promise<void> {
  await insertOrder(trx, order);
  for (const line of lines) await insertLine(trx, line);
  for (const entry of timeline) await insertTimeline(trx, entry);
  if (payment) await insertPayment(trx, payment);
}
