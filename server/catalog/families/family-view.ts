/**
 * A product's family as the product page shows it: every listing of the model with its attributes,
 * and the axes (attribute names) worth a selector, those with more than one value. See decisions/0010.
 */
import type { Kysely } from 'kysely';
import type { FamilyMember, ListingAttribute, ProductFamily } from '../../../shared/api-types';
import type { Database } from '../../store/schema';
import { listingAttributes } from '../product-rows';

/** Attribute names in the order selectors show them: what changes the look first, then memory, then the rest. */
const AXIS_ORDER = ['Colour', 'Shade', 'Storage', 'RAM', 'SSD Capacity', 'Material', 'Quantity', 'Pack', 'Binding', 'Language'];

/** The family `familyId`, or null when it has one listing only (nothing to choose). */
export async function loadFamily(db: Kysely<Database>, familyId: string | null): Promise<ProductFamily | null> {
  if (!familyId) return null;
  const rows = await db
    .selectFrom('products')
    // Images too: a colour's swatch is the shade its listing's photo shows.
    .select(['id', 'slug', 'title', 'price', 'mrp', 'stock', 'family_attributes', 'images'])
    .where('family_id', '=', familyId)
    .orderBy('id')
    .execute();
  if (rows.length < 2) return null;
  const members: FamilyMember[] = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    price: Number(row.price),
    mrp: Number(row.mrp),
    inStock: Number(row.stock) > 0,
    attributes: listingAttributes(row),
  }));
  return { id: familyId, axes: familyAxes(members), members };
}

/** Attribute names with more than one value among the members, in selector order. */
export function familyAxes(members: ReadonlyArray<{ attributes: readonly ListingAttribute[] }>): string[] {
  const values = new Map<string, Set<string>>();
  for (const member of members) {
    for (const { name, value } of member.attributes) values.set(name, (values.get(name) ?? new Set()).add(value));
  }
  const rank = (name: string): number => (AXIS_ORDER.includes(name) ? AXIS_ORDER.indexOf(name) : AXIS_ORDER.length);
  return [...values]
    .filter(([, set]) => set.size > 1)
    .map(([name]) => name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
