/** Products, lines and carts for the outbox's unit tests. Not exported from the kit. */
import { summarize } from '../../../../shared/price';
import type { Cart, CartLine, ProductSummary, Variant } from '../../../../shared/api-types';

/** A product at `price` (MRP a quarter higher), in stock. */
export function product(id: string, price: number): ProductSummary {
  return {
    id,
    slug: `product-${id}`,
    title: `Product ${id}`,
    brand: 'Brand',
    categorySlug: 'mobiles',
    mrp: price + price / 4,
    price,
    discountPercent: 20,
    rating: 4.2,
    ratingCount: 10,
    image: { url: `/img/${id}.webp`, alt: '' },
    inStock: true,
    assured: false,
  };
}

export function variant(id: string): Variant {
  return { id, color: 'Blue', colorHex: '#0000ff', size: null, stock: 5 };
}

export function line(id: string, item: ProductSummary, quantity: number, chosen: Variant | null = null): CartLine {
  return { id, product: item, variant: chosen, quantity, unitPrice: item.price, unitMrp: item.mrp, lineTotal: item.price * quantity };
}

export function cartOf(...lines: CartLine[]): Cart {
  return { lines, summary: summarize(lines) };
}
