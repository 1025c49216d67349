/**
 * The rows a new order writes (the order under a free id, its lines, its first timeline row, its
 * pending payment), each insert compiled once (store/prepared-query.ts): placing orders is the shop's busiest write.
 */
import type { Kysely, Selectable } from 'kysely';
import type { PaymentsTable } from '../payments/tables';
import { affectedRows, preparedQuery, row } from '../store/prepared-query';
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

// Takes the id only if no order has it (ids are partly random, see newOrderId): never an error that would abort the transaction.
const insertOrderIfFree = preparedQuery((db, p: OrderRow) => db.insertInto('orders').values(row(p, ORDER_COLUMNS)).onConflict((oc) => oc.column('id').doNothing()));
const insertLine = preparedQuery((db, p: LineRow) => db.insertInto('order_lines').values(row(p, LINE_COLUMNS)));
const insertTimeline = preparedQuery((db, p: TimelineRow) => db.insertInto('order_timeline').values(row(p, TIMELINE_COLUMNS)));
const insertPayment = preparedQuery((db, p: PaymentRow) => db.insertInto('payments').values(row(p, PAYMENT_COLUMNS)));

/** Draws of an id before giving up: a clash needs two orders in one millisecond drawing the same of 100,000. */
export const ORDER_ID_ATTEMPTS = 10;

/** Inserts the order inside the caller's transaction under the first id `nextId` gives that no order has; answers that id. */
export async function insertOrder(trx: Kysely<Database>, order: Omit<OrderRow, 'id'>, nextId: () => string): Promise<string> {
  for (let attempt = 0; attempt < ORDER_ID_ATTEMPTS; attempt++) {
    const id = nextId();
    if (affectedRows(await insertOrderIfFree(trx, { ...order, id })) === 1) return id;
  }
  throw new Error(`no free order id in ${ORDER_ID_ATTEMPTS} draws`);
}

/** Writes the rows of an order `insertOrder` inserted (its lines, first timeline row, pending payment) inside the caller's transaction. */
export async function writeOrderRows(trx: Kysely<Database>, lines: readonly LineRow[], timeline: readonly TimelineRow[], payment: PaymentRow | undefined): Promise<void> {
  for (const line of lines) await insertLine(trx, line);
  for (const entry of timeline) await insertTimeline(trx, entry);
  if (payment) await insertPayment(trx, payment);
}
