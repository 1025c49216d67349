import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  categorySuggestions, completionWeights, fuzzyFor, phraseBoost, phraseSuggestions, rankByRelevance, sortHits, tokenize,
  type ScoredHit, type SearchDoc,
} from './search-ranking';

function hit(id: string, title: string, score: number, extra: Partial<SearchDoc> = {}): ScoredHit {
  const doc: SearchDoc = { id, title, brand: title.split(' ')[0]!, categorySlug: 'mobiles', price: 100, createdAt: 0, rating: 4, ratingCount: 10, discountPercent: 0, ...extra };
  return { doc, score };
}

describe('search ranking', () => {
  describe('tokenize()', () => {
    it('should fold accents, case and apostrophes so "L\'Oréal" matches "loreal"', () => {
      assert.deepEqual(tokenize("L'Oréal Paris Levi’s"), ['loreal', 'paris', 'levis']);
    });
    it('should split on punctuation and keep digits', () => {
      assert.deepEqual(tokenize('Redmi Note 13 5G (Arctic White, 128 GB)'), ['redmi', 'note', '13', '5g', 'arctic', 'white', '128', 'gb']);
    });
  });

  describe('fuzzyFor()', () => {
    it('should allow no typos in short terms and some in long ones', () => {
      assert.equal(fuzzyFor('sam'), false);
      assert.equal(fuzzyFor('tv'), false);
      assert.ok(fuzzyFor('samsung'));
    });
  });

  describe('phraseBoost()', () => {
    it('should rank exact title over title prefix over contained phrase over scattered words', () => {
      const exact = phraseBoost('Atomic Habits', 'atomic habits');
      const prefix = phraseBoost('Atomic Habits (English, Paperback)', 'atomic habits');
      const inside = phraseBoost('The Atomic Habits Workbook', 'atomic habits');
      const scattered = phraseBoost('Habits of the Atomic Age', 'atomic habits');
      assert.ok(exact > prefix && prefix > inside && inside > scattered, `${exact} ${prefix} ${inside} ${scattered}`);
    });
  });

  describe('rankByRelevance()', () => {
    it('should put an exact title match above a partial one with a higher engine score', () => {
      const ranked = rankByRelevance([hit('a', 'Galaxy Buds Case Cover', 10), hit('b', 'Galaxy Buds', 8)], 'galaxy buds');
      assert.deepEqual(ranked.map((h) => h.doc.id), ['b', 'a']);
    });
    it('should prefer the common completion of a half-typed term', () => {
      const hits = [hit('rare', 'Sampann Toor Dal', 8), hit('s1', 'Samsung Galaxy M14', 5), hit('s2', 'Samsung Galaxy A35', 5), hit('s3', 'Samsung Galaxy S24', 5)];
      assert.equal(rankByRelevance(hits, 'sam')[0]!.doc.brand, 'Samsung');
    });
    it('should break ties by popularity', () => {
      const ranked = rankByRelevance([hit('a', 'Phone X', 1, { ratingCount: 5 }), hit('b', 'Phone Y', 1, { ratingCount: 50 })], 'phone');
      assert.deepEqual(ranked.map((h) => h.doc.id), ['b', 'a']);
    });
  });

  describe('completionWeights()', () => {
    it('should weigh every hit alike when all contain the whole term', () => {
      assert.deepEqual(completionWeights([hit('a', 'Shoes A', 1), hit('b', 'Shoes B', 1)], 'shoes'), [1, 1]);
    });
  });

  describe('sortHits()', () => {
    const hits = [hit('a', 'A', 3, { price: 300, createdAt: 1, rating: 4.1 }), hit('b', 'B', 2, { price: 100, createdAt: 3, rating: 4.5 }), hit('c', 'C', 1, { price: 200, createdAt: 2, rating: 3.2 })];
    for (const [sort, order] of [['relevance', 'abc'], ['price_asc', 'bca'], ['price_desc', 'acb'], ['newest', 'bca'], ['rating', 'bac']] as const) {
      it(`should order by ${sort}`, () => {
        assert.equal(sortHits(hits, sort).map((h) => h.doc.id).join(''), order);
      });
    }
  });

  describe('categorySuggestions()', () => {
    const names = new Map([['mobiles', 'Mobiles'], ['appliances', 'Appliances']]);
    it('should suggest the categories that hold a fair share of the relevance', () => {
      const hits = [hit('a', 'Samsung A', 5), hit('b', 'Samsung B', 4), hit('c', 'Samsung Fridge', 3, { categorySlug: 'appliances' })];
      assert.deepEqual(categorySuggestions('Samsung ', hits, names, 2), [
        { text: 'samsung', category: { slug: 'mobiles', name: 'Mobiles' } },
        { text: 'samsung', category: { slug: 'appliances', name: 'Appliances' } },
      ]);
    });
    it('should leave out a category with one stray match', () => {
      const hits = [hit('a', 'A', 10), hit('b', 'B', 10), hit('c', 'C', 0.5, { categorySlug: 'appliances' })];
      assert.deepEqual(categorySuggestions('x', hits, names, 2).map((s) => s.category?.slug), ['mobiles']);
    });
  });

  describe('phraseSuggestions()', () => {
    it('should complete the last term and offer the next word of the title', () => {
      const hits = [hit('a', 'Samsung Galaxy S24 (Black)', 5), hit('b', 'Samsung Galaxy M14 (Blue)', 5), hit('c', 'Samsung 7 kg Washing Machine', 2)];
      const phrases = phraseSuggestions('sam', hits, 8);
      assert.equal(phrases[0], 'samsung');
      assert.ok(phrases.includes('samsung galaxy'));
      assert.ok(!phrases.includes('samsung 7'), 'a number after the brand is a spec, not a phrase');
    });
    it('should keep the words typed before the last one', () => {
      assert.deepEqual(phraseSuggestions('samsung gal', [hit('a', 'Samsung Galaxy S24', 1)], 8), ['samsung galaxy', 'samsung galaxy s24']);
    });
  });
});
