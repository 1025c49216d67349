/**
 * Which answers a change of some products' pictures reaches (decisions/0030): their own pages
 * (`product:<id>`), the pages of their families' other listings (a product page shows its family's
 * pictures), their categories' pages, the lists that show pictures of any product (home, the
 * category list, similar products: tag `pictures`) and search. Other products' pages and other
 * categories stay as they were, so a photo made in the background no longer drops every answer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';

/** The answer tags a change of `ids`' pictures touches; none when no such product exists. */
export async function pictureReach(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('products').select(['id', 'category_slug', 'family_id']).where('id', 'in', unique).execute();
  if (rows.length === 0) return [];
  const families = [...new Set(rows.flatMap((row) => (row.family_id ? [row.family_id] : [])))];
  const members = families.length > 0 ? await db.selectFrom('products').select('id').where('family_id', 'in', families).execute() : [];
  const products = new Set([...rows.map((row) => row.id), ...members.map((row) => row.id)]);
  const categories = new Set(rows.map((row) => row.category_slug));
  return [...[...products].map((id) => `product:${id}`), ...[...categories].map((slug) => `category:${slug}`), 'pictures', 'search'];
}
