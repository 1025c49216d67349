/** The products the peers serve, read once from the JSON file the benchmark names (`PEER_PRODUCTS`). */
import fs from 'node:fs';

let products = null;

/** The product with this id, or null. */
export function findProduct(itemId) {
  products ??= new Map(Object.entries(JSON.parse(fs.readFileSync(process.env.PEER_PRODUCTS, 'utf8'))));
  return products.get(itemId) ?? null;
}
