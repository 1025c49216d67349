/**
 * Full-text catalog search, in memory with MiniSearch: the same behaviour on SQLite and PostgreSQL,
 * built from the store at start and rebuilt whenever the catalog changes (see decisions/0003).
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Facets, SortKey, Suggestion } from '../../../shared/api-types';
import { NO_FILTERS, type BrowseFilters } from '../browse/facet-definitions';
import type { Store } from '../../store/database';
import { onCatalogChanged } from '../catalog-events';
import { Vocabulary } from './did-you-mean';
import { filterHits, searchFacets } from './search-facets';
import { categorySuggestions, FIELD_BOOST, fuzzyFor, phraseSuggestions, rankByRelevance, sortHits, tokenize, type ScoredHit, type SearchDoc } from './search-ranking';

interface IndexedDoc {
  id: string;
  title: string;
  brand: string;
  category: string;
  highlights: string;
}

// Words shoppers type for a category that its name does not contain.
const CATEGORY_WORDS: Record<string, string> = {
  mobiles: 'mobile phone smartphone',
  fashion: 'clothing apparel wear',
  electronics: 'gadgets',
  'home-furniture': 'furniture home decor',
  appliances: 'home appliances',
  beauty: 'beauty personal care cosmetics makeup skincare',
  grocery: 'groceries food',
  books: 'book novel',
};

const MAX_SUGGESTIONS = 8;
const MAX_CATEGORY_SUGGESTIONS = 2;

function searchOptions(combineWith: 'AND' | 'OR'): SearchOptions {
  return { boost: { ...FIELD_BOOST }, prefix: (term) => term.length >= 2, fuzzy: fuzzyFor, combineWith };
}

/** The search index of one store's catalog. */
export class CatalogSearch {
  private engine: MiniSearch<IndexedDoc> = CatalogSearch.emptyEngine();
  private docs = new Map<string, SearchDoc>();
  private categoryNames = new Map<string, string>();
  private vocabulary = new Vocabulary();
  private building: Promise<void> = Promise.resolve();
  /** A full rebuild queued behind the running one: later refreshes join it instead of queuing more. */
  private queued: Promise<void> | null = null;

  private constructor(private readonly store: Store) {}

  /** Builds the index of `store`'s catalog, and keeps it current as the catalog changes. */
  static async open(store: Store): Promise<CatalogSearch> {
    const search = new CatalogSearch(store);
    await search.refresh();
    // Prices and stock move sorting only; a full rebuild is for changes that may touch the text.
    onCatalogChanged(store, (change) => (change ? search.updateProducts(change.products) : search.refresh()));
    return search;
  }

  private static emptyEngine(): MiniSearch<IndexedDoc> {
    return new MiniSearch<IndexedDoc>({ fields: ['title', 'brand', 'category', 'highlights'], tokenize, searchOptions: searchOptions('AND') });
  }

  /** Rebuilds the index from the store; searches keep using the old one until the new one is ready. */
  refresh(): Promise<void> {
    // Chained, so overlapping refreshes finish in order and the last one wins; a burst of changes
    // while one rebuild runs costs one more rebuild, not one per change.
    if (this.queued) return this.queued;
    const queued = this.building.catch(() => undefined).then(() => {
      this.queued = null;
      return this.rebuild();
    });
    this.queued = queued;
    this.building = queued;
    return queued;
  }

  /** Re-reads the sort keys (price, rating) of `ids` after a price or stock change; their text is unchanged. */
  updateProducts(ids: readonly string[]): Promise<void> {
    this.building = this.building.catch(() => undefined).then(() => this.updateDocs(ids));
    return this.building;
  }

  /** Resolves once every refresh and update asked for so far has finished. */
  async settled(): Promise<void> {
    await this.building.catch(() => undefined);
  }

  private async updateDocs(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.store.db.selectFrom('products').select(['id', 'price', 'rating', 'rating_count']).where('id', 'in', [...ids]).execute();
    // In place: searches run synchronously, so none sees a half-updated set.
    for (const row of rows) {
      const doc = this.docs.get(row.id);
      if (doc) this.docs.set(row.id, { ...doc, price: Number(row.price), rating: Math.round(Number(row.rating) * 10) / 10, ratingCount: Number(row.rating_count) });
    }
  }

  private async rebuild(): Promise<void> {
    const { db } = this.store;
    const categories = await db.selectFrom('categories').select(['slug', 'name']).execute();
    const rows = await db
      .selectFrom('products')
      .select(['id', 'title', 'brand', 'category_slug', 'highlights', 'price', 'created_at', 'rating', 'rating_count', 'discount_percent'])
      .execute();
    const categoryNames = new Map(categories.map((c) => [c.slug, c.name]));
    const engine = CatalogSearch.emptyEngine();
    const docs = new Map<string, SearchDoc>();
    const vocabulary = new Vocabulary();
    engine.addAll(
      rows.map((row) => {
        docs.set(row.id, {
          id: row.id, title: row.title, brand: row.brand, categorySlug: row.category_slug, price: Number(row.price),
          createdAt: Number(row.created_at), rating: Math.round(Number(row.rating) * 10) / 10, ratingCount: Number(row.rating_count),
          discountPercent: Number(row.discount_percent),
        });
        vocabulary.add(tokenize(`${row.brand} ${row.title}`));
        const category = `${categoryNames.get(row.category_slug) ?? ''} ${CATEGORY_WORDS[row.category_slug] ?? ''}`;
        return { id: row.id, title: row.title, brand: row.brand, category, highlights: (JSON.parse(row.highlights) as string[]).join(' ') };
      }),
    );
    this.engine = engine;
    this.docs = docs;
    this.categoryNames = categoryNames;
    this.vocabulary = vocabulary;
  }

  /** Every product matching `query`, best first: all words when possible, any word otherwise. */
  private ranked(query: string): ScoredHit[] {
    return this.rank(this.engine.search(query, searchOptions('AND')), query) ?? this.rank(this.engine.search(query, searchOptions('OR')), query) ?? [];
  }

  private rank(results: ReturnType<MiniSearch['search']>, query: string): ScoredHit[] | null {
    if (results.length === 0) return null;
    const hits = results.flatMap((result) => {
      const doc = this.docs.get(result.id as string);
      return doc ? [{ doc, score: result.score }] : [];
    });
    return rankByRelevance(hits, query);
  }

  /**
   * The hits of a query, correcting words the catalog does not know when all of them together find
   * nothing ("iphnoe case" → "iphone case"); `corrected` is the query searched instead, if any.
   * An empty query is every product, most popular first.
   */
  resolve(query: string): { hits: ScoredHit[]; corrected: string | null } {
    if (tokenize(query).length === 0) {
      const all = [...this.docs.values()].map((doc) => ({ doc, score: 1 }));
      return { hits: all.sort((a, b) => b.doc.ratingCount - a.doc.ratingCount || (a.doc.id < b.doc.id ? -1 : 1)), corrected: null };
    }
    const exact = this.rank(this.engine.search(query, searchOptions('AND')), query);
    if (exact) return { hits: exact, corrected: null };
    const corrected = this.correct(query);
    const fixed = corrected ? this.rank(this.engine.search(corrected, searchOptions('AND')), corrected) : null;
    if (fixed) return { hits: fixed, corrected };
    return { hits: this.ranked(query), corrected: null };
  }

  /** The query with each word that matches nothing replaced by the closest catalog word, or null when none is. */
  private correct(query: string): string | null {
    const words = tokenize(query);
    let changed = false;
    const fixed = words.map((word) => {
      if (this.engine.search(word, searchOptions('AND')).length > 0) return word;
      const better = this.vocabulary.correct(word);
      if (better) changed = true;
      return better ?? word;
    });
    return changed ? fixed.join(' ') : null;
  }

  /**
   * One page of product ids matching `query` and the filters in the chosen order, how many match in
   * all, the facets of every match (each counted under the other filters) and the corrected query.
   */
  search(
    query: string,
    options: { sort: SortKey; page: number; pageSize: number; filters?: BrowseFilters },
  ): { ids: string[]; total: number; facets: Facets; correctedQuery: string | null } {
    const filters = options.filters ?? NO_FILTERS;
    const { hits, corrected } = this.resolve(query);
    const { facets } = searchFacets(hits.map((hit) => hit.doc), filters);
    const matching = sortHits(filterHits(hits, filters), options.sort);
    const start = (options.page - 1) * options.pageSize;
    return { ids: matching.slice(start, start + options.pageSize).map((hit) => hit.doc.id), total: matching.length, facets, correctedQuery: corrected };
  }

  /** Completions of a partly typed query, "<query> in <category>" picks, and the best few products. */
  suggest(query: string, productLimit: number): { suggestions: Suggestion[]; ids: string[] } {
    const { hits, corrected } = this.resolve(query);
    if (corrected) query = corrected;
    // Phrases read off the ranked hits lead. When none complete the query (a typo: "samsng"), the
    // engine's own suggestions correct it; they are dropped when longer than the query, as they
    // then string together every matched word ("shoes for formal men material maroon").
    const phrases = phraseSuggestions(query, hits, MAX_SUGGESTIONS);
    const words = tokenize(query).length;
    const corrections =
      phrases.length > 0 ? [] : this.engine.autoSuggest(query, searchOptions('AND')).map((s) => s.suggestion).filter((text) => tokenize(text).length <= words);
    const completions = [...new Set([...phrases, ...corrections])].map((text) => ({ text }));
    const inCategory = categorySuggestions(completions[0]?.text ?? query, hits, this.categoryNames, MAX_CATEGORY_SUGGESTIONS);
    const suggestions = [...completions.slice(0, 1), ...inCategory, ...completions.slice(1)].slice(0, MAX_SUGGESTIONS);
    return { suggestions, ids: hits.slice(0, productLimit).map((hit) => hit.doc.id) };
  }

  /** Number of products in the index. */
  get size(): number {
    return this.docs.size;
  }
}
