/** Reading orders back: one order with its lines, timeline and payment; an account's orders, newest first, by cursor. */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Order, OrderList, OrderStatus } from '../../shared/api-types';
import { AppError } from '../errors/app-error';
import type { PaymentsTable } from '../payments/tables';
import type { Database } from '../store/schema';
import { toOrder, toOrderSummary } from './order-view';
import type { OrdersTable } from './tables';

export const ORDER_ID_PATTERN = /^OD\d{18}$/;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

/**
 * A fresh order id: `OD` and 18 digits, the first 13 the time in milliseconds and the last 5 random.
 * Ids of one moment sort together, so the orders of one group commit (and their lines and timeline
 * rows, keyed by order id) share a few index pages instead of dirtying one page each, anywhere in
 * the index; two orders of the same millisecond may draw the same id, so the insert takes the id
 * only if it is free and asks for another otherwise (`insertOrder` in order-writes.ts).
 */
export function newOrderId(now: number): string {
  const time = String(Math.max(0, Math.floor(now))).padStart(13, '0').slice(-13);
  return `OD${time}${String(crypto.randomInt(0, 100_000)).padStart(5, '0')}`;
}

/** Builds the URL where a pending payment is paid (the provider's hosted page). */
export type PaymentPageUrl = (payment: Selectable<PaymentsTable>) => string | undefined;

/** The order row, or `order-not-found` (also when it belongs to another account). */
export async function findOrderRow(db: Kysely<Database>, orderId: string, accountId?: string): Promise<Selectable<OrdersTable>> {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('order-not-found', { orderId });
  return row;
}

/** The whole order as the API shows it. */
export async function loadOrder(db: Kysely<Database>, orderId: string, pageUrl: PaymentPageUrl, accountId?: string): Promise<Order> {
  const row = await findOrderRow(db, orderId, accountId);
  const [lines, timeline, payment] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('position').execute(),
    db.selectFrom('order_timeline').selectAll().where('order_id', '=', orderId).orderBy('seq').execute(),
    db.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('created_at', 'desc').executeTakeFirst(),
  ]);
  return toOrder(row, lines, timeline, payment, pageUrl);
}

/** An account's orders, newest first; `cursor` is the previous page's `nextCursor`. */
export async function listOrders(db: Kysely<Database>, accountId: string, cursor: string | undefined, limit: number): Promise<OrderList> {
  let query = db.selectFrom('orders').selectAll().where('account_id', '=', accountId);
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    // Keyset paging: strictly older than the last order shown, ties broken by id.
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const lines =
    page.length === 0
      ? []
      : await db
          .selectFrom('order_lines')
          .select(['order_id', 'position', 'product_id', 'variant_id', 'title', 'image', 'variant', 'quantity'])
          .where('order_id', 'in', page.map((row) => row.id))
          .orderBy('order_id')
          .orderBy('position')
          .execute();
  const last = page.at(-1);
  return {
    orders: page.map((row) => toOrderSummary(row, lines.filter((line) => line.order_id === row.id))),
    nextCursor: rows.length > limit && last ? encodeCursor(Number(last.created_at), last.id) : null,
  };
}

function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(`${createdAt}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^(\d{1,15})\.(OD\d{18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('bad-request', { problems: [{ field: 'cursor', problem: 'is not a cursor this server gave' }] }, 'Invalid order list: cursor: is not a cursor this server gave');
  return { createdAt: Number(match[1]), id: match[2]! };
}

/** Appends a row to the order's timeline; call it in the transaction that changed the order (which holds its row). */
export async function appendTimeline(trx: Kysely<Database>, orderId: string, status: OrderStatus, note: string, at: number): Promise<void> {
  const last = await trx.selectFrom('order_timeline').select((eb) => eb.fn.max('seq').as('seq')).where('order_id', '=', orderId).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx.insertInto('order_timeline').values({ order_id: orderId, seq, status, note, at }).execute();
}
