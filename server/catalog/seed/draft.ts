/** What each category generator produces: a product before ids, ratings, stock and offers are added. */
import type { ListingAttribute, Product } from '../../../shared/api-types';
import type { ImageKind } from '../images/image-spec';
import type { Random } from './random';

export interface Colour {
  name: string;
  hex: string;
}

export type SpecGroups = Product['specifications'];

export interface ProductDraft {
  title: string;
  brand: string;
  description: string;
  /** Rupees; the builder adds paise and the discount. */
  mrpRupees: number;
  /** Typical discount band of the item, in percent. */
  discount: [min: number, max: number];
  highlights: string[];
  specifications: SpecGroups;
  /** The listing's colour: in its title and its pictures. One per listing (decisions/0010). */
  colours: [Colour];
  /** Sizes of the listing (its variants); empty when the item comes in one size. */
  sizes: string[];
  /** The model this listing is one of, and what sets it apart (colour, storage, RAM, pack…). */
  family?: { key: string; attributes: ListingAttribute[] };
  image: { kind: ImageKind; label?: string; sublabel?: string };
  /** Big-ticket items get exchange and EMI offers. */
  bigTicket?: boolean;
}

/** A category generator: `count` drafts for its category, from the shared random source. */
export type CategoryGenerator = (random: Random, count: number) => ProductDraft[];

/** Builds the grouped specification list from a compact `{ group: { name: value } }` literal. */
export function specs(groups: Record<string, Record<string, string>>): SpecGroups {
  return Object.entries(groups).map(([group, items]) => ({
    group,
    items: Object.entries(items).map(([name, value]) => ({ name, value })),
  }));
}

/** A price the way shops print it: rounded to a step and ending in 9 (₹1,499 rather than ₹1,503). */
export function shopPrice(rupees: number): number {
  if (rupees < 100) return Math.max(9, Math.round(rupees / 5) * 5 - 1);
  const step = rupees < 1000 ? 50 : rupees < 10000 ? 100 : 1000;
  return Math.max(step, Math.round(rupees / step) * step) - 1;
}

/**
 * Takes `count` items from `combos`, shuffled; when asked for more than exist it repeats them, so a
 * small catalog is varied and a huge one is still full.
 */
export function takeCombos<T>(random: Random, combos: readonly T[], count: number): T[] {
  const out: T[] = [];
  while (out.length < count && combos.length > 0) out.push(...random.shuffle(combos).slice(0, count - out.length));
  return out;
}

/** Makes a URL slug from a title: lowercase words joined by dashes, at most 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '') || 'item';
}

/** The colour attribute of a listing, with its swatch. */
export function colourAttribute(colour: Colour, name = 'Colour'): ListingAttribute {
  return { name, value: colour.name, swatch: colour.hex };
}

/** A plain attribute (storage, RAM, quantity…). */
export function attribute(name: string, value: string): ListingAttribute {
  return { name, value };
}
