/**
 * Each product's category, price, mrp and stock as of the last change seen: a change is compared
 * with them to tell a stock tick, which only the product's own page shows, from a change that
 * moves lists, facets and search results; and a scan of the store compared with them finds the
 * changes nobody announced (another process, another node).
 */
import type { Store } from '../../store/database';

interface Fact {
  category: string;
  price: number;
  mrp: number;
  stock: number;
}

/** What a scan found different from the facts. */
export interface Unannounced {
  /** Products whose price, mrp or stock differ. */
  changed: string[];
  /** Whether products appeared, went, or changed category: a change of anything. */
  reshaped: boolean;
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
      const listed =
        !before || !after || before.category !== after.category || before.price !== after.price || before.mrp !== after.mrp || before.stock > 0 !== after.stock > 0;
      return { id, listed, categories: [...new Set([before?.category, after?.category].filter((slug): slug is string => slug !== undefined))] };
    });
  }

  /** Reads every product and says which differ from the facts (which it leaves as they are). */
  async scan(): Promise<Unannounced> {
    const rows = await this.store.db.selectFrom('products').select(COLUMNS).execute();
    const changed: string[] = [];
    let reshaped = rows.length !== this.facts.size;
    for (const row of rows) {
      const known = this.facts.get(row.id);
      const now = toFact(row);
      if (!known || known.category !== now.category) reshaped = true;
      else if (known.price !== now.price || known.mrp !== now.mrp || known.stock !== now.stock) changed.push(row.id);
    }
    return { changed, reshaped };
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
  return { category: row.category_slug, price: Number(row.price), mrp: Number(row.mrp), stock: Number(row.stock) };
}
