/**
 * What lists show of each product (category, price, mrp, in stock or not), as of the last change
 * seen: a change is compared with it to tell a stock tick, which only the product's own page shows,
 * from a change that moves lists, facets and search results.
 */
import type { Store } from '../../store/database';

interface Fact {
  category: string;
  price: number;
  mrp: number;
  inStock: boolean;
}

/** One changed product and what its change reaches. */
export interface Touched {
  id: string;
  /** True when lists show the change (or it cannot be told): categories, home and search must follow. */
  listed: boolean;
  /** The categories it was and is in. */
  categories: string[];
}

const COLUMNS = ['id', 'category_slug', 'price', 'mrp', 'stock'] as const;

export class ProductFacts {
  private facts = new Map<string, Fact>();

  constructor(private readonly store: Store) {}

  /** Reads the facts of every product (about 100 bytes each). */
  async loadAll(): Promise<void> {
    const rows = await this.store.db.selectFrom('products').select(COLUMNS).execute();
    this.facts = new Map(rows.map((row) => [row.id, toFact(row)]));
  }

  /** Re-reads `ids` and says what each one's change reaches. */
  async update(ids: readonly string[]): Promise<Touched[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.db.selectFrom('products').select(COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
    const now = new Map(rows.map((row) => [row.id, toFact(row)]));
    return [...new Set(ids)].map((id) => {
      const before = this.facts.get(id);
      const after = now.get(id);
      if (after) this.facts.set(id, after);
      else this.facts.delete(id);
      const listed = !before || !after || before.category !== after.category || before.price !== after.price || before.mrp !== after.mrp || before.inStock !== after.inStock;
      return { id, listed, categories: [...new Set([before?.category, after?.category].filter((slug): slug is string => slug !== undefined))] };
    });
  }

  /** Forgets everything: each next change counts as one that lists show. */
  clear(): void {
    this.facts.clear();
  }

  get size(): number {
    return this.facts.size;
  }
}

function toFact(row: { category_slug: string; price: number; mrp: number; stock: number }): Fact {
  return { category: row.category_slug, price: Number(row.price), mrp: Number(row.mrp), inStock: Number(row.stock) > 0 };
}
