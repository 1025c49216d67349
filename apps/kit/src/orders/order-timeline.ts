/** The steps of an order's status line, from its status and timeline rows. */
import type { Order, OrderStatus, OrderTimelineEntry } from '../../../../shared/api-types';
import { ORDER_PROGRESS } from './order-labels';

export interface TimelineStep {
  status: OrderStatus;
  /** The latest timeline row of this status (its note and time), if the order got there. */
  entry: OrderTimelineEntry | undefined;
  done: boolean;
}

/** The whole path for a live order, done up to its status; the reached part plus "cancelled" otherwise. */
export function timelineSteps(order: Pick<Order, 'status' | 'timeline'>): TimelineStep[] {
  const last = (status: OrderStatus): OrderTimelineEntry | undefined => order.timeline.filter((e) => e.status === status).at(-1);
  if (order.status === 'cancelled') {
    const reached = ORDER_PROGRESS.filter((status) => last(status));
    return [...reached.map((status) => ({ status, entry: last(status), done: true })), { status: 'cancelled', entry: last('cancelled'), done: true }];
  }
  const at = ORDER_PROGRESS.indexOf(order.status);
  return ORDER_PROGRESS.map((status, index) => ({ status, entry: last(status), done: index <= at }));
}
