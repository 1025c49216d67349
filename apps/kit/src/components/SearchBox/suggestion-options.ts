/** Turns a suggest answer into the options of the search box's listbox. */
import type { SuggestResult } from '../../../../../shared/api-types';
import { formatRupees } from '../../../../../shared/price';

export interface SuggestionOption {
  kind: 'query' | 'category' | 'product';
  /** Text shown (and the query, for query options). */
  text: string;
  /** Secondary text: the category, or the product's brand. */
  detail?: string;
  imageUrl?: string;
  /** A product's price, as the shop prints it. */
  price?: string;
  /** Where choosing the option goes. */
  href: string;
}

/** The search results URL of a query. */
export function searchHref(query: string): string {
  return `/search?q=${encodeURIComponent(query.trim())}`;
}

/** Query suggestions first (what Flipkart shows), then a few matching products. */
export function suggestionOptions(result: SuggestResult, maxProducts = 3): SuggestionOption[] {
  const options: SuggestionOption[] = result.suggestions.map((s) =>
    s.category
      ? { kind: 'category', text: s.text, detail: `in ${s.category.name}`, href: `/${s.category.slug}/pr` }
      : { kind: 'query', text: s.text, href: searchHref(s.text) },
  );
  for (const product of result.products.slice(0, maxProducts)) {
    // The whole title: its last words (colour, storage, pack) are what tell listings of one model apart.
    options.push({ kind: 'product', text: product.title, imageUrl: product.image.url, price: formatRupees(product.price), href: `/${product.slug}/p/${product.id}` });
  }
  return options;
}

/** Next active option index for an arrow key, wrapping around; -1 means none (the input). */
export function moveActive(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current === -1) return step === 1 ? 0 : count - 1;
  const next = current + step;
  return next < 0 || next >= count ? -1 : next;
}
