/**
 * Every picture of some catalog answers as a photo: what a shopper scrolling a running shop meets.
 * A freshly seeded shop shows drawings (SVG, parsed into a document of its own on the main thread
 * when it arrives) until the photo pipeline has made each one's photo on demand; a benchmark of
 * scrolling would otherwise measure the demo's drawings, which no real shop shows.
 */
import type { ProductSummary } from '../../shared/api-types';

const LIMIT_MS = Number(process.env.SETTLE_LIMIT_MS ?? 600_000);

async function productsOf(base: string, apiPath: string): Promise<ProductSummary[]> {
  const response = await fetch(`${base}/api/${apiPath}`);
  if (!response.ok) throw new Error(`${apiPath}: ${response.status}`);
  const data = (await response.json()) as { products?: ProductSummary[]; deals?: ProductSummary[] };
  return data.products ?? data.deals ?? [];
}

/** How many of the answers' pictures are still drawings. */
async function drawingsLeft(base: string, apiPaths: string[]): Promise<number> {
  const lists = await Promise.all(apiPaths.map((apiPath) => productsOf(base, apiPath)));
  return lists.flat().filter((product) => !product.image.photo).length;
}

/**
 * Asks once for every drawing the answers at `apiPaths` (paths under `/api/`) show, which queues its
 * photo, then waits until the answers name photos only. Returns how many pictures that covers.
 */
export async function settleListingPhotos(base: string, apiPaths: string[]): Promise<number> {
  const lists = await Promise.all(apiPaths.map((apiPath) => productsOf(base, apiPath)));
  const products = lists.flat();
  for (const product of products) if (!product.image.photo) await (await fetch(base + product.image.url)).arrayBuffer();
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const left = await drawingsLeft(base, apiPaths);
    if (left === 0) return products.length;
    if (Date.now() > deadline) throw new Error(`${left} pictures of ${apiPaths.join(', ')} were still drawings after ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
