/**
 * Brings a freshly seeded shop to the state a shopper meets in a running shop: the pictures each
 * measured page shows first exist as photos, and the catalog answers naming them are in memory.
 * Seeded drawings become photos on demand (server/images/photo-pipeline.ts) and their "catalog
 * changed" notices are batched every few seconds, so a benchmark started cold would measure the
 * queue, not the page: with photos half made, the shell's lead picture comes and goes from run to run.
 */
import { firstVisibleImages } from '../../shared/first-visible-images';

/** Quiet time longer than the photo pipeline's batched refresh (server/images/catalog-refresh.ts). */
const QUIET_MS = 3500;
const LIMIT_MS = Number(process.env.SETTLE_LIMIT_MS ?? 600_000);

/** The data URL a shell response preloads (its `Link: …; as=fetch`), if any. */
function dataUrlOf(link: string | null): string | null {
  const match = /<([^>]+)>;\s*rel=preload;\s*as=fetch/.exec(link ?? '');
  return match?.[1] ?? null;
}

/** Whether the page's shell response names its lead picture as a photo; then asks for its data, which rebuilds an answer a refresh dropped. */
async function leadPhotoNamed(base: string, path: string): Promise<boolean> {
  const shell = await fetch(base + path);
  await shell.arrayBuffer();
  const link = shell.headers.get('link');
  const dataUrl = dataUrlOf(link);
  if (dataUrl) await (await fetch(base + dataUrl)).arrayBuffer();
  return /as=image; type="image\/avif"/.test(link ?? '');
}

/**
 * Asks once for every first-visible picture of each page, then waits until every shell names its
 * lead photo twice in a row, a batched refresh apart: no photo made in between dropped the answers.
 */
export async function settlePhotos(base: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const dataUrl = dataUrlOf((await fetch(base + path)).headers.get('link'));
    if (!dataUrl) throw new Error(`${path}: its shell preloads no data`);
    const data: unknown = await (await fetch(base + dataUrl)).json();
    // Asking for a drawing is what queues its photo.
    await Promise.all(firstVisibleImages(data).map(async ({ image }) => (await fetch(base + image.url)).arrayBuffer()));
  }
  const named = async () => (await Promise.all(paths.map((path) => leadPhotoNamed(base, path)))).every(Boolean);
  const deadline = Date.now() + LIMIT_MS;
  let before = false;
  for (;;) {
    const now = await named();
    if (now && before) return;
    before = now;
    if (Date.now() > deadline) throw new Error(`the lead photos of ${paths.join(', ')} were not settled within ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, now ? QUIET_MS : 500));
  }
}
