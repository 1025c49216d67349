/** What each automatic push says: short enough for a lock screen, saying why the shopper gets it. */
import { formatRupees } from '../../shared/price';
import { imageUrl } from '../catalog/images/image-spec';
import type { NotificationContent } from './payload';
import type { ProductChange } from './product-watch';

/** A price drop or a restock of a product on the shopper's wishlist. */
export function productChangeNotice(change: ProductChange): NotificationContent {
  const url = `/${change.slug}/p/${change.productId}`;
  const common = { url, image: imageUrl(change.productId, 0), data: { productId: change.productId } };
  if (change.kind === 'back_in_stock') {
    return {
      ...common,
      kind: 'back_in_stock',
      title: 'Back in stock',
      body: `${change.title} from your wishlist is available again at ${formatRupees(change.price)}.`,
      tag: `back-in-stock-${change.productId}`,
      actions: [{ action: 'view', title: 'Buy now', url }],
    };
  }
  return {
    ...common,
    kind: 'price_drop',
    title: `Price drop: now ${formatRupees(change.price)}`,
    body: `${change.title} on your wishlist was ${formatRupees(change.oldPrice)}.`,
    tag: `price-drop-${change.productId}`,
    actions: [{ action: 'view', title: 'View deal', url }],
  };
}

/** An order's status as a shopper reads it. */
const ORDER_NEWS: Record<string, { title: string; body: string }> = {
  placed: { title: 'Order placed', body: 'We have your order and will let you know when it ships.' },
  packed: { title: 'Order packed', body: 'Your order is packed and ready to ship.' },
  shipped: { title: 'Order shipped', body: 'Your order is on its way.' },
  out_for_delivery: { title: 'Arriving today', body: 'Your order is out for delivery. Keep your phone handy.' },
  delivered: { title: 'Delivered', body: 'Your order was delivered. Enjoy!' },
  cancelled: { title: 'Order cancelled', body: 'Your order was cancelled. Any payment will be refunded.' },
};

/** A change of an order's status, linking to the order. */
export function orderNotice(orderId: string, status: string): NotificationContent | null {
  const news = ORDER_NEWS[status];
  if (!news) return null;
  const url = `/accounts/orders/${encodeURIComponent(orderId)}`;
  return { kind: 'order_update', title: news.title, body: news.body, url, tag: `order-${orderId}`, data: { orderId, status } };
}
