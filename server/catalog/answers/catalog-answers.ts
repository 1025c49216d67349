/**
 * The catalog's read answers (categories, home, browse, search, suggestions, products), served
 * from memory as encoded JSON and rebuilt when the catalog changes (decisions/0012). It wraps the
 * catalog's own reads (catalog-service, browse, search): what an answer contains is decided there,
 * how long it is kept is decided here.
 *
 * Tags say what each answer was built from: `product:<id>`, `category:<slug>`, `lists` (home and
 * categories), `search` (search and suggestions, which also read the search index). A price
 * change, or stock running out or coming back, touches the product, its category, the lists and
 * search; stock moving otherwise touches only the product's own page. A change of some products'
 * pictures touches their pages and their families', their categories, the lists that show any
 * product's picture (`pictures`: home, categories, similar products) and search (decisions/0030).
 */
import type { BrowseRequest } from '../browse/browse-category';
import { browseCategory } from '../browse/browse-category';
import { NO_FILTERS, type BrowseFilters } from '../browse/facet-definitions';
import { notifyCatalogChanged, onCatalogChanged, type CatalogChange } from '../catalog-events';
import { getHome, getProduct, getProductSummaries, listCategories } from '../catalog-service';
import type { ReviewSort, SearchResult, SortKey } from '../../../shared/api-types';
import type { ServerDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { DEFAULT_PAGE_SIZE } from '../http/query-schemas';
import { getReviews } from '../reviews/product-reviews';
import { CatalogSearch } from '../search/search-index';
import { getSimilarProducts } from '../similar/similar-products';
import { AnswerCache, type AnswerCacheStats } from './answer-cache';
import { ChangeLog } from './change-log';
import { EncodedAnswer } from './encoded-answer';
import { pictureReach } from './picture-reach';
import { ProductFacts } from './product-facts';

const SUGGESTED_PRODUCTS = 4;
/**
 * How often the store is scanned for price and stock changes nobody announced (the orders CLI,
 * another node): at most this often, and never more than 1/20 of the time (a scan of 2,400
 * products takes a few milliseconds; a catalog a hundred times larger is scanned less often).
 */
const SCAN_EVERY_MS = 500;
const SCAN_SHARE = 20;
/** Product pages rebuilt at most per change right after it (a big change leaves the rest to their next request). */
const MAX_REWARMED_PRODUCTS = 50;
/** First pages built at start, for each category: the sorts shoppers pick most. */
const WARM_SORTS: readonly SortKey[] = ['relevance', 'price_asc', 'price_desc'];

export interface CatalogAnswersOptions {
  /** Bytes of encoded answers kept at most. */
  maxBytes: number;
  /**
   * Whether to scan the store for changes nobody announced (default true). Off when the store's
   * change feed reports every change, whoever made it (PostgreSQL, decisions/0018).
   */
  scanForUnannounced?: boolean;
}

/** Memory and hit counts, as the operators' view and the benchmarks report them. */
export interface CatalogAnswersStats extends AnswerCacheStats {
  knownProducts: number;
  indexedProducts: number;
}

/** The catalog's answers of one store, kept current with its changes. */
export class CatalogAnswers {
  private readonly changes: ChangeLog;
  private readonly cache: AnswerCache;
  private processing: Promise<void> = Promise.resolve();
  private stopListening: () => void = () => undefined;
  private warming: Promise<void> = Promise.resolve();
  private scanTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly deps: ServerDeps,
    private readonly index: CatalogSearch,
    private readonly facts: ProductFacts,
    options: CatalogAnswersOptions,
  ) {
    this.changes = new ChangeLog();
    this.cache = new AnswerCache(this.changes, options.maxBytes);
  }

  /** Builds the search index and the facts changes are judged by, and starts following changes. */
  static async open(deps: ServerDeps, options: CatalogAnswersOptions): Promise<CatalogAnswers> {
    const search = await CatalogSearch.open(deps.store);
    const answers = new CatalogAnswers(deps, search, new ProductFacts(deps.store), options);
    // Listen before reading the facts, so no change falls between the two.
    answers.stopListening = onCatalogChanged(deps.store, (change) => answers.changed(change));
    await answers.facts.loadAll();
    answers.warming = new Promise((resolve) => setImmediate(() => resolve(answers.warm())));
    if (options.scanForUnannounced ?? true) answers.scheduleScan(SCAN_EVERY_MS);
    return answers;
  }

  /**
   * Moves with every change applied to the answers: an answer got while it reads the same is still
   * current, so a caller may keep what it worked out from that answer until it moves.
   */
  get generation(): number {
    return this.changes.generation;
  }

  /** Every category with its product count. */
  categories(): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get('categories', ['lists', 'pictures'], async () => EncodedAnswer.of(await listCategories(this.deps.store)));
  }

  /** The home page's data. */
  home(): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get('home', ['lists', 'pictures'], async () => EncodedAnswer.of(await getHome(this.deps.store)));
  }

  /** One page of a category; rejects with `category-not-found`. */
  browse(request: BrowseRequest): EncodedAnswer | Promise<EncodedAnswer> {
    const { slug, sort, page, pageSize, filters } = request;
    // Brand order does not change the answer, so it does not split the cache either.
    const key = `browse:${slug}:${sort}:${page}:${pageSize}:${filtersKey(filters)}`;
    return this.cache.get(key, ['categories', `category:${slug}`], async () => EncodedAnswer.of(await browseCategory(this.deps.store, request)));
  }

  /** One page of search results, with the facets of every match and the corrected query. */
  search(request: { q: string; sort: SortKey; page: number; pageSize: number; filters: BrowseFilters }): EncodedAnswer | Promise<EncodedAnswer> {
    const { q, sort, page, pageSize, filters } = request;
    const key = `search:${sort}:${page}:${pageSize}:${filtersKey(filters)}:${q}`;
    return this.cache.get(key, ['search'], async () => {
      await this.index.settled();
      const { ids, total, facets, correctedQuery } = this.index.search(q, { sort, page, pageSize, filters });
      const result: SearchResult = { query: q, correctedQuery, products: await getProductSummaries(this.deps.store, ids), facets, sort, page, pageSize, total };
      return EncodedAnswer.of(result);
    });
  }

  /** Completions and the best few products for a partly typed query. */
  suggest(q: string): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get(`suggest:${q}`, ['search'], async () => {
      await this.index.settled();
      const { suggestions, ids } = this.index.suggest(q, SUGGESTED_PRODUCTS);
      return EncodedAnswer.of({ query: q, suggestions, products: await getProductSummaries(this.deps.store, ids) });
    });
  }

  /**
   * A product page's data; rejects with `product-not-found`. It lists its family's other listings
   * with their prices and stock, so it also follows the changes that move those (`lists`).
   */
  product(id: string): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get(`product:${id}`, ['products', 'lists', `product:${id}`], async () => {
      const product = await getProduct(this.deps.store, id);
      if (!product) throw new AppError('product-not-found', { id });
      return EncodedAnswer.of(product);
    });
  }

  /** A page of a product's reviews with its ratings split; rejects with `product-not-found`. */
  reviews(id: string, request: { sort: ReviewSort; page: number; pageSize: number }): EncodedAnswer | Promise<EncodedAnswer> {
    const { sort, page, pageSize } = request;
    return this.cache.get(`reviews:${id}:${sort}:${page}:${pageSize}`, ['products', `product:${id}`], async () => {
      const reviews = await getReviews(this.deps.store.db, id, request);
      if (!reviews) throw new AppError('product-not-found', { id });
      return EncodedAnswer.of(reviews);
    });
  }

  /** Products like this one (same category, near in price); rejects with `product-not-found`. */
  similar(id: string): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get(`similar:${id}`, ['products', 'lists', 'pictures', `product:${id}`], async () => {
      const similar = await getSimilarProducts(this.deps.store.db, id);
      if (!similar) throw new AppError('product-not-found', { id });
      return EncodedAnswer.of(similar);
    });
  }

  /** Summaries of the listed products, in the order asked for. */
  products(ids: readonly string[]): EncodedAnswer | Promise<EncodedAnswer> {
    return this.cache.get(`products:${ids.join(',')}`, ['products', ...ids.map((id) => `product:${id}`)], async () => EncodedAnswer.of(await getProductSummaries(this.deps.store, ids)));
  }

  /** What is held and how it was used. */
  stats(): CatalogAnswersStats {
    return { ...this.cache.stats(), knownProducts: this.facts.size, indexedProducts: this.index.size };
  }

  /** Stops following changes; resolves once no build started at open is still reading the store. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.stopListening();
    await this.warming;
  }

  /**
   * Compares the store's prices and stock with the last ones seen and announces what differs, as
   * its writer should have: every in-memory view (this one, the search index) then catches up.
   */
  async findUnannouncedChanges(): Promise<void> {
    await this.processing; // facts settle first, so a change being handled is not found twice
    const { changed, reshaped } = await this.facts.scan();
    if (reshaped) await notifyCatalogChanged(this.deps.store);
    else if (changed.length > 0) await notifyCatalogChanged(this.deps.store, { products: changed });
  }

  private scheduleScan(delayMs: number): void {
    if (this.closed) return;
    this.scanTimer = setTimeout(() => {
      const started = performance.now();
      this.findUnannouncedChanges()
        .catch((err: unknown) => this.deps.logger.warn({ err }, 'catalog answers: scanning for changes failed'))
        .finally(() => this.scheduleScan(Math.max(SCAN_EVERY_MS, (performance.now() - started) * SCAN_SHARE)));
    }, delayMs);
    this.scanTimer.unref();
  }

  /** Resolves once the answers built at start are built. */
  async warmed(): Promise<void> {
    await this.warming;
  }

  private changed(change: CatalogChange | undefined): Promise<void> {
    // One change at a time: each compares the products with what the one before it saw.
    this.processing = this.processing.then(() => this.apply(change)).catch((err: unknown) => {
      // Not knowing what changed, everything has.
      this.deps.logger.warn({ err }, 'catalog answers: could not read a change; dropping every answer');
      this.changes.change(ALL_TAGS);
      this.facts.clear();
    });
    return this.processing;
  }

  private async apply(change: CatalogChange | undefined): Promise<void> {
    if (!change) {
      this.changes.change(ALL_TAGS.filter((tag) => tag !== 'search'));
      await this.facts.loadAll();
    } else {
      const touched = await this.facts.update(change.products);
      const tags = touched.flatMap((t) => (t.listed ? [`product:${t.id}`, ...t.categories.map((slug) => `category:${slug}`), 'lists', 'search'] : [`product:${t.id}`]));
      if (change.pictures) tags.push(...(await pictureReach(this.deps.store.db, change.pictures)));
      const now = tags.filter((tag) => tag !== 'search');
      if (now.length > 0) this.changes.change(now);
      await this.rewarm(now);
      if (!tags.includes('search')) return;
    }
    // Search answers read the index, which follows the same change: they go stale once it has.
    await this.index.settled();
    this.changes.change(['search']);
  }

  /**
   * Rebuilds at once the answers a shell names its lead picture from (decisions/0025) that a
   * targeted change touched: the home page, the first page of a touched category, a touched product
   * page held in memory. A shell sent while one is being rebuilt goes out without its picture, so
   * the window is the build, not the time until the next shopper asks (decisions/0030).
   */
  private async rewarm(tags: readonly string[]): Promise<void> {
    const builds: Array<EncodedAnswer | Promise<EncodedAnswer>> = [];
    if (tags.includes('lists') || tags.includes('pictures')) builds.push(this.home());
    let products = 0;
    for (const tag of tags) {
      const [kind, name] = tag.split(':', 2) as [string, string | undefined];
      if (kind === 'category' && name) builds.push(this.browse({ slug: name, sort: 'relevance', page: 1, pageSize: DEFAULT_PAGE_SIZE, filters: NO_FILTERS }));
      else if (kind === 'product' && name && products < MAX_REWARMED_PRODUCTS && this.cache.holds(`product:${name}`)) {
        products++;
        builds.push(this.product(name));
      }
    }
    // A product or category gone meanwhile is the next request's 404, not this change's failure.
    await Promise.allSettled(builds);
  }

  /** Builds the answers most page views start with, one after another, off the request path. */
  private async warm(): Promise<void> {
    try {
      await this.home();
      const categories = JSON.parse((await this.categories()).identity.toString('utf8')) as Array<{ slug: string }>;
      for (const { slug } of categories) {
        for (const sort of WARM_SORTS) {
          await this.browse({ slug, sort, page: 1, pageSize: DEFAULT_PAGE_SIZE, filters: NO_FILTERS });
        }
      }
    } catch (err) {
      this.deps.logger.warn({ err }, 'catalog answers: warming up failed');
    }
  }
}

/** Filters as a cache key: brand order does not change the answer, so it does not split the cache. */
function filtersKey(filters: BrowseFilters): string {
  return JSON.stringify({ ...filters, brands: [...filters.brands].sort() });
}

/** Tags that mean "every answer": each answer carries one of the family tags. */
const ALL_TAGS = ['products', 'categories', 'lists', 'search'];
