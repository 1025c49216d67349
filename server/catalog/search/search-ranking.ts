/**
 * The ranking rules of catalog search, as pure functions: text normalisation, per-field boosts,
 * when to allow typos, how an exact title beats a partial one, and "<query> in <category>" picks.
 */
import type { SortKey, Suggestion } from '../../../shared/api-types';

/** What the index knows of a product besides its text, for sorting and suggestions. */
export interface SearchDoc {
  id: string;
  title: string;
  brand: string;
  categorySlug: string;
  price: number;
  createdAt: number;
  rating: number;
  ratingCount: number;
  discountPercent: number;
}

export interface ScoredHit {
  doc: SearchDoc;
  score: number;
}

/** How much a match in each field counts: the title says what the item is, the brand who made it. */
export const FIELD_BOOST = { title: 3, brand: 2.5, category: 1.5, highlights: 0.6 } as const;

/** Lowercase, accents and apostrophes removed: "L'Oréal" and "loreal" are the same word. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '');
}

/** Words of a text, after normalisation. */
export function tokenize(text: string): string[] {
  return normalizeText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Allowed typos as a share of the term: none for short terms, where one typo is another word. */
export function fuzzyFor(term: string): number | false {
  return term.length >= 5 ? 0.2 : false;
}

/**
 * How much the whole query, read as a phrase, matches a title: an exact title beats a title that
 * starts with the query, which beats one that merely contains it, which beats scattered words.
 */
export function phraseBoost(title: string, query: string): number {
  const t = tokenize(title).join(' ');
  const q = tokenize(query).join(' ');
  if (q === '') return 1;
  if (t === q) return 4;
  if (t.startsWith(`${q} `)) return 2;
  if (` ${t} `.includes(` ${q} `)) return 1.5;
  return 1;
}

/**
 * Weight of each hit by how common the word is that completes the query's last (maybe half-typed)
 * term: "sam" more likely means Samsung, which many hits share, than a rare Sampann. The engine's
 * scoring alone prefers the rare word, which is right for whole words and wrong for prefixes.
 */
export function completionWeights(hits: readonly ScoredHit[], query: string): number[] {
  const last = tokenize(query).at(-1);
  if (!last) return hits.map(() => 1);
  const completions = hits.map((hit) => {
    const words = tokenize(`${hit.doc.brand} ${hit.doc.title}`);
    return words.includes(last) ? last : words.filter((word) => word.startsWith(last)).sort((a, b) => a.length - b.length)[0];
  });
  const counts = new Map<string, number>();
  for (const word of completions) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  const most = Math.max(1, ...counts.values());
  return completions.map((word) => (word ? 0.25 + (0.75 * counts.get(word)!) / most : 0.25));
}

/** Hits in relevance order: the engine's score times the phrase and completion weights; popularity breaks ties. */
export function rankByRelevance(hits: readonly ScoredHit[], query: string): ScoredHit[] {
  const weights = completionWeights(hits, query);
  return hits
    .map((hit, i) => ({ doc: hit.doc, score: hit.score * phraseBoost(hit.doc.title, query) * weights[i]! }))
    .sort((a, b) => b.score - a.score || b.doc.ratingCount - a.doc.ratingCount || (a.doc.id < b.doc.id ? -1 : 1));
}

/** Hits in the shopper's chosen order; relevance keeps the given (ranked) order. */
export function sortHits(hits: readonly ScoredHit[], sort: SortKey): ScoredHit[] {
  const byId = (a: ScoredHit, b: ScoredHit) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
  const copy = hits.slice();
  switch (sort) {
    case 'relevance':
      return copy;
    case 'price_asc':
      return copy.sort((a, b) => a.doc.price - b.doc.price || byId(a, b));
    case 'price_desc':
      return copy.sort((a, b) => b.doc.price - a.doc.price || byId(a, b));
    case 'newest':
      return copy.sort((a, b) => b.doc.createdAt - a.doc.createdAt || byId(a, b));
    case 'rating':
      return copy.sort((a, b) => b.doc.rating - a.doc.rating || b.doc.ratingCount - a.doc.ratingCount || byId(a, b));
  }
}

/**
 * "<query> in <category>" for the categories holding most of the relevance of the best hits; a
 * category needs a fair share (a fifth) so that one stray match does not make a suggestion.
 */
export function categorySuggestions(
  query: string,
  rankedHits: readonly ScoredHit[],
  categoryNames: ReadonlyMap<string, string>,
  limit: number,
): Suggestion[] {
  const top = rankedHits.slice(0, 50);
  const total = top.reduce((sum, hit) => sum + hit.score, 0);
  if (total === 0) return [];
  const byCategory = new Map<string, number>();
  for (const hit of top) byCategory.set(hit.doc.categorySlug, (byCategory.get(hit.doc.categorySlug) ?? 0) + hit.score);
  const text = query.trim().toLowerCase();
  return [...byCategory]
    .filter(([, score]) => score / total >= 0.2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .flatMap(([slug]) => {
      const name = categoryNames.get(slug);
      return name ? [{ text, category: { slug, name } }] : [];
    });
}

const LINK_WORDS = new Set(['and', 'for', 'with', 'of', 'in', 'the', 'to', 'on', 'by', 'a']);

/**
 * Completions of a partly typed query, read off the best hits: the last term completed to a word
 * the hit contains ("sam" → "samsung"), and that plus the word after it ("samsung galaxy").
 * Each phrase scores the summed relevance of the hits it came from, so common phrases lead.
 */
export function phraseSuggestions(query: string, rankedHits: readonly ScoredHit[], limit: number): string[] {
  const tokens = tokenize(query);
  const last = tokens.at(-1);
  if (!last) return [];
  const head = tokens.slice(0, -1).join(' ');
  const scores = new Map<string, number>();
  const add = (phrase: string, score: number) => scores.set(phrase, (scores.get(phrase) ?? 0) + score);
  for (const hit of rankedHits.slice(0, 100)) {
    const words = tokenize(hit.doc.title);
    let at = words.indexOf(last);
    if (at < 0) at = words.findIndex((word) => word.startsWith(last));
    const completion = at >= 0 ? words[at] : tokenize(hit.doc.brand).find((word) => word.startsWith(last));
    if (!completion) continue;
    const phrase = head ? `${head} ${completion}` : completion;
    add(phrase, hit.score);
    // Words in parentheses are details (colour, pack size), and a number after the brand is a spec.
    const next = at >= 0 ? tokenize(hit.doc.title.split('(')[0]!)[at + 1] : undefined;
    const brandWord = tokenize(hit.doc.brand).includes(completion);
    if (next && (next.length > 1 || /[0-9]/.test(next)) && !LINK_WORDS.has(next) && !(brandWord && /^[0-9]/.test(next))) {
      // A longer phrase is a narrower search: worth offering, but after the plain completion.
      add(`${phrase} ${next}`, hit.score * 0.6);
    }
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([phrase]) => phrase);
}
