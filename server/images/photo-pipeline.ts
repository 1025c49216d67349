/**
 * The product photo pipeline: operators' uploads and seeded drawings go through the same steps —
 * checked and normalized original, AVIF/WebP at every page width, blur placeholder, palette — in
 * the worker pool, then into the image store and the product's image spec.
 *
 * Seeded drawings are turned into photos on demand: the first time a browser asks for a drawing
 * (its SVG answers meanwhile), it is queued as background work; the API shows the photo from then on.
 */
import type { Logger } from 'pino';
import { MAX_SHOTS, parseImageSpec, type StoredPhoto } from '../catalog/images/image-spec';
import { AppError } from '../errors/app-error';
import type { Store } from '../store/database';
import { CatalogRefresh } from './catalog-refresh';
import { keepPhotoFiles, updateImageSpec, namedColours, withSwatches } from './photo-records';
import { studioSvg } from './seed/studio-photo';
import type { ImageStore } from './store/image-store';
import { PhotoPool, PoolFull } from './worker/photo-pool';
import type { JobOutcome, PhotoJob } from './worker/photo-jobs';

/** Seeded drawings: turned into photos when first asked for (`demand`), or never (`off`: drawings only). */
export type SeedPhotos = 'demand' | 'off';

export interface PipelineOptions {
  store: Store;
  images: ImageStore;
  logger: Logger;
  workers: number;
  seedPhotos: SeedPhotos;
}

/** One image an upload added. */
export interface AddedImage {
  /** Its place among the product's images. */
  index: number;
  alt: string;
  photo: StoredPhoto;
}

export interface UploadFile {
  bytes: Uint8Array;
  alt?: string | undefined;
}

// Background drawings waiting at most; more are simply asked for again by the next page view.
const MAX_BACKGROUND_QUEUE = 400;
const MAX_UPLOAD_QUEUE = 16;

/** Uploads and on-demand drawings, processed off the event loop. */
export class PhotoPipeline {
  private readonly pool: PhotoPool;
  private readonly refresh: CatalogRefresh;
  /** Drawings queued or running, as `<productId>/<index>`. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Set once close() starts: what fails after that failed because of the stop. */
  private closing = false;

  constructor(private readonly options: PipelineOptions) {
    this.pool = new PhotoPool({ size: options.workers, maxQueue: Math.max(MAX_BACKGROUND_QUEUE, MAX_UPLOAD_QUEUE), logger: options.logger });
    this.refresh = new CatalogRefresh(options.store);
  }

  /** Checks, processes and adds uploaded images to a product, at `position` (default: after the others). */
  async addUploads(productId: string, files: readonly UploadFile[], position?: number): Promise<AddedImage[]> {
    const { store, images } = this.options;
    const product = await store.db.selectFrom('products').select(['title', 'images']).where('id', '=', productId).executeTakeFirst();
    if (!product) throw new AppError('product-not-found', { id: productId });
    const has = parseImageSpec(product.images).shots.length;
    if (has + files.length > MAX_SHOTS) throw new AppError('too-many-images', { max: MAX_SHOTS, has, adding: files.length });
    const processed: Array<{ alt: string; record: Omit<StoredPhoto, 'swatches'> }> = [];
    for (const file of files) {
      if (this.pool.load >= MAX_UPLOAD_QUEUE) throw new AppError('images-busy', { retryAfterSec: 30 });
      const outcome = await this.runJob({ kind: 'upload', bytes: file.bytes }, 'upload');
      if (!outcome.ok) throw outcome.refused ? new AppError(outcome.refused.code, outcome.refused.details) : new AppError('image-unreadable', { reason: outcome.message });
      processed.push({ alt: (file.alt ?? '').trim() || product.title, record: await keepPhotoFiles(images, outcome.photo) });
    }
    let added: AddedImage[] = [];
    const found = await updateImageSpec(store, productId, async (spec, db) => {
      if (spec.shots.length + processed.length > MAX_SHOTS) throw new AppError('too-many-images', { max: MAX_SHOTS, has: spec.shots.length, adding: processed.length });
      const colours = await namedColours(db, productId);
      const at = Math.min(Math.max(position ?? spec.shots.length, 0), spec.shots.length);
      const shots = processed.map(({ alt, record }) => ({ alt, photo: withSwatches(record, colours) }));
      added = shots.map((shot, n) => ({ index: at + n, alt: shot.alt, photo: shot.photo }));
      return { ...spec, shots: [...spec.shots.slice(0, at), ...shots, ...spec.shots.slice(at)] };
    });
    if (!found) throw new AppError('product-not-found', { id: productId });
    await this.refresh.now([productId]);
    return added;
  }

  /** Asks for drawing `index` of a product to become a photo (does nothing if it is one, or queued). */
  requestDrawing(productId: string, index: number): void {
    if (this.options.seedPhotos === 'off') return;
    const id = `${productId}/${index}`;
    if (this.inFlight.has(id) || this.pool.load >= MAX_BACKGROUND_QUEUE) return;
    const work = this.processDrawing(productId, index)
      .catch((error: unknown) => {
        // Work cut short by a stop is expected (it is asked for again after a restart): close() says so once.
        if (!this.closing) this.options.logger.warn({ err: error, productId, index }, 'a seeded drawing could not become a photo');
      })
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, work);
  }

  /** Queues the first picture of each product, so the pages people see first show photos soonest. */
  warm(productIds: readonly string[]): void {
    for (const id of productIds) this.requestDrawing(id, 0);
  }

  /** Resolves once every queued drawing is done and the catalog was told (tests and benchmarks wait on it). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
    await this.refresh.flush();
  }

  /** Stops the workers; queued background work is dropped (it is asked for again after a restart). */
  async close(): Promise<void> {
    this.closing = true;
    this.refresh.cancel();
    const unfinished = this.inFlight.size;
    await this.pool.close();
    await Promise.allSettled(this.inFlight.values());
    if (unfinished > 0) this.options.logger.info({ unfinished }, 'photo work stopped; drawings left become photos after the next start');
  }

  private async processDrawing(productId: string, index: number): Promise<void> {
    const { store, images } = this.options;
    const row = await store.db.selectFrom('products').select('images').where('id', '=', productId).executeTakeFirst();
    if (!row) return;
    const spec = parseImageSpec(row.images);
    const shot = spec.shots[index];
    const svg = shot && !shot.photo ? studioSvg(spec, index) : undefined;
    if (!shot || !svg) return;
    let outcome: JobOutcome;
    try {
      outcome = await this.runJob({ kind: 'drawing', svg }, 'background');
    } catch (error) {
      if (error instanceof PoolFull) return;
      throw error;
    }
    if (!outcome.ok) throw new Error(outcome.message);
    const record = await keepPhotoFiles(images, outcome.photo);
    await updateImageSpec(store, productId, async (current, db) => {
      const now = current.shots[index];
      // The product changed meanwhile (another drawing, an upload moved it): leave it be.
      if (!now || now.photo || now.hex !== shot.hex || now.view !== shot.view) return undefined;
      const shots = [...current.shots];
      shots[index] = { ...now, photo: withSwatches(record, await namedColours(db, productId)) };
      return { ...current, shots };
    });
    this.refresh.soon(productId);
  }

  private runJob(job: PhotoJob, priority: 'upload' | 'background'): Promise<JobOutcome> {
    return this.pool.run(job, priority);
  }
}
