/** What each push topic means to a shopper, for the notifications page. */
import type { PushTopic } from '../../../../shared/api-types';

export const TOPIC_LABELS: Record<PushTopic, { label: string; note: string }> = {
  price_drop: { label: 'Price drops', note: 'When something on your wishlist gets cheaper' },
  back_in_stock: { label: 'Back in stock', note: 'When something on your wishlist is available again' },
  order_updates: { label: 'Order updates', note: 'When your order ships and is out for delivery' },
  offers: { label: 'Offers', note: 'Sales and deals, at most a couple a day, never at night' },
};
