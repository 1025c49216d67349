/**
 * `/ops/catalog/images`: the operators' page for product images. It shows a product's pictures
 * with the swatches picked from them, and a plain form (no script needed) that uploads more; the
 * form posts here, goes through the same pipeline as the API, and redirects back to the product.
 */
import express, { type Router } from 'express';
import { photoUrl } from '../../shared/product-images';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import { sameOriginOnly } from '../http/same-origin';
import { parseImageSpec, imageUrl, type ImageSpec } from '../catalog/images/image-spec';
import { PRODUCT_ID_PATTERN } from '../catalog/http/query-schemas';
import { escapeHtml } from '../ops/html';
import { createNonce } from '../shells/nonce';
import type { PhotoPipeline } from './photo-pipeline';
import { readUploadFiles } from './upload-body';

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1f2329}
header{background:#111827;color:#fff;padding:.8rem 1.2rem}header a{color:#93c5fd}main{max-width:60rem;margin:1rem auto;padding:0 1rem}
form{background:#fff;padding:1rem;border-radius:8px;display:grid;gap:.6rem;margin-bottom:1rem}label{display:grid;gap:.2rem;font-weight:600}
input,button{font:inherit;padding:.4rem}button{background:#2563eb;color:#fff;border:0;border-radius:6px;padding:.5rem 1rem;width:max-content}
.shots{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem}figure{margin:0;background:#fff;border-radius:8px;padding:.5rem}
figure img{width:100%;aspect-ratio:1;object-fit:contain}figcaption{font-size:.8rem;color:#4b5563}.sw{display:inline-flex;gap:.25rem;flex-wrap:wrap}
.sw span{display:inline-block;width:1rem;height:1rem;border-radius:50%;border:1px solid #0002}.note{padding:.6rem 1rem;border-radius:6px;background:#dcfce7}
.error{background:#fee2e2}`;

/** The page and its form handler, mounted at /ops/catalog/images. */
export function opsImagesPage(deps: ServerDeps, operators: OperatorAuth, photos: PhotoPipeline): Router {
  const router = express.Router();
  router.use(requireOperator(operators));
  router.use(sameOriginOnly);

  router.get('/', async (req, res) => {
    const id = typeof req.query.product === 'string' ? req.query.product.trim() : '';
    const notice = typeof req.query.added === 'string' ? { text: `Added ${Number(req.query.added)} image(s).`, error: false } : null;
    await sendPage(res, deps, id, notice);
  });

  router.post('/', async (req, res) => {
    const id = typeof req.query.product === 'string' ? req.query.product.trim() : '';
    try {
      if (!PRODUCT_ID_PATTERN.test(id)) throw new AppError('product-not-found', { id });
      const added = await photos.addUploads(id, await readUploadFiles(req));
      // Redirect so that reloading the page does not upload the files again.
      res.redirect(303, `/ops/catalog/images?product=${encodeURIComponent(id)}&added=${added.length}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(error.status);
      await sendPage(res, deps, id, { text: error.message, error: true });
    }
  });
  return router;
}

async function sendPage(res: express.Response, deps: ServerDeps, id: string, notice: { text: string; error: boolean } | null): Promise<void> {
  const row = PRODUCT_ID_PATTERN.test(id) ? await deps.store.db.selectFrom('products').select(['id', 'title', 'images']).where('id', '=', id).executeTakeFirst() : undefined;
  const nonce = createNonce();
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', `default-src 'none'; img-src 'self' data:; style-src 'nonce-${nonce}'; style-src-attr 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  const action = row ? `/ops/catalog/images?product=${encodeURIComponent(row.id)}` : '';
  res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Product images · ops · storefront-lite</title><style nonce="${nonce}">${STYLE}</style></head><body>
<header><strong>storefront-lite ops</strong> · Product images · <a href="/ops/console">Console</a></header><main>
${notice ? `<p class="note${notice.error ? ' error' : ''}" role="status">${escapeHtml(notice.text)}</p>` : ''}
<form method="get" action="/ops/catalog/images"><label>Product id<input name="product" value="${escapeHtml(id)}" pattern="itm[0-9a-f]{13}" required placeholder="itm…"></label><button type="submit">Open</button></form>
${id && !row ? '<p class="note error">No product has this id.</p>' : ''}
${row ? productSection(row.id, row.title, parseImageSpec(row.images), action) : ''}
</main></body></html>`);
}

function productSection(id: string, title: string, spec: ImageSpec, action: string): string {
  const shots = spec.shots
    .map((shot, n) => {
      const src = shot.photo ? photoUrl(shot.photo, shot.photo.widths[0]!, 'webp') : imageUrl(id, n);
      const swatches = Object.entries(shot.photo?.swatches ?? {}).map(([name, s]) => `<span title="${escapeHtml(`${name} ${s.hex} (ΔE ${s.deltaE})`)}" style="background:${s.hex}"></span>`).join('');
      const kind = shot.photo ? `photo ${shot.photo.width}×${shot.photo.height}` : 'drawing (becomes a photo when first viewed)';
      return `<figure><img src="${src}" alt="${escapeHtml(shot.alt)}" loading="lazy"><figcaption>#${n} · ${escapeHtml(kind)}<br>${escapeHtml(shot.alt)}<br><span class="sw">${swatches}</span></figcaption></figure>`;
    })
    .join('');
  return `<h1>${escapeHtml(title)}</h1>
<form method="post" action="${action}" enctype="multipart/form-data"><label>Photos (JPEG, PNG or WebP; up to 15 MB each)<input type="file" name="image" accept="image/jpeg,image/png,image/webp" multiple required></label>
<label>Alt text (what the photo shows)<input name="alt" maxlength="200" placeholder="${escapeHtml(title)}"></label><button type="submit">Upload</button></form>
<div class="shots">${shots}</div>`;
}
