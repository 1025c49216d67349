/**
 * The catalog's read endpoints under `/api/catalog`, once: the Express router registers them and
 * the server's request listener matches the same paths before Express. Each checks its input with
 * the catalog's zod schemas and names its answer.
 */
import type { ParsedUrlQuery } from 'node:querystring';
import { match, type MatchFunction } from 'path-to-regexp';
import { browseQuery, productListQuery, productParams, reviewsQuery, searchQuery, slugParams, suggestQuery } from '../http/query-schemas';
import { parseInput } from '../../http/validate';
import type { CatalogAnswers } from './catalog-answers';
import type { EncodedAnswer } from './encoded-answer';

export interface CatalogRead {
  /** Path under `/api/catalog`, in Express's syntax. */
  path: string;
  /** The answer; throws (or rejects with) an `AppError` for bad input or a missing item. */
  answer(answers: CatalogAnswers, params: Record<string, string>, query: ParsedUrlQuery): EncodedAnswer | Promise<EncodedAnswer>;
}

export const CATALOG_READS: readonly CatalogRead[] = [
  { path: '/categories', answer: (answers) => answers.categories() },
  { path: '/home', answer: (answers) => answers.home() },
  {
    path: '/browse/:slug',
    answer(answers, params, query) {
      const { slug } = parseInput(slugParams, params, 'category');
      return answers.browse({ slug, ...parseInput(browseQuery, query, 'query') });
    },
  },
  { path: '/search', answer: (answers, _params, query) => answers.search(parseInput(searchQuery, query, 'query')) },
  { path: '/suggest', answer: (answers, _params, query) => answers.suggest(parseInput(suggestQuery, query, 'query').q) },
  { path: '/products/:itemId', answer: (answers, params) => answers.product(parseInput(productParams, params, 'product id').itemId) },
  {
    path: '/products/:itemId/reviews',
    answer: (answers, params, query) => answers.reviews(parseInput(productParams, params, 'product id').itemId, parseInput(reviewsQuery, query, 'query')),
  },
  { path: '/products/:itemId/similar', answer: (answers, params) => answers.similar(parseInput(productParams, params, 'product id').itemId) },
  { path: '/products', answer: (answers, _params, query) => answers.products(parseInput(productListQuery, query, 'query').ids) },
];

/** A catalog read matched to a path under `/api/catalog`, with its decoded parameters (frozen: matches are remembered and shared). */
export interface MatchedRead {
  read: CatalogRead;
  params: Readonly<Record<string, string>>;
}

/**
 * Finds the read a path under `/api/catalog` names, as Express's router matches (case-insensitive,
 * an optional trailing slash, parameters decoded); null for none, or for a malformed escape (which
 * Express answers with its own 400).
 */
export function catalogReadMatcher(): (path: string) => MatchedRead | null {
  const tests = CATALOG_READS.map((read) => ({
    read,
    test: match(read.path, { decode: decodeURIComponent, sensitive: false, end: true, trailing: true }) as MatchFunction<Record<string, string>>,
  }));
  return (path) => {
    for (const { read, test } of tests) {
      let found: ReturnType<typeof test>;
      try {
        found = test(path);
      } catch {
        return null;
      }
      if (found) return { read, params: Object.freeze(found.params) };
    }
    return null;
  };
}
