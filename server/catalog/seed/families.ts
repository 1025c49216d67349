/**
 * Family ids of the demo catalog. Drafts name their model (`family.key`); listings of one model in
 * one category share an id, except a repeat of a listing the family already has (same attributes),
 * which starts a family of its own so that every choice on a product page leads to one listing.
 */
import crypto from 'node:crypto';
import type { ProductDraft } from './draft';

/** The family id of each draft (null for drafts of no family), in order. */
export function assignFamilies(categorySlug: string, drafts: readonly ProductDraft[]): Array<string | null> {
  const taken = new Map<string, Set<string>>();
  return drafts.map((draft) => {
    if (!draft.family) return null;
    const signature = draft.family.attributes.map((a) => `${a.name}=${a.value}`).join('|');
    for (let copy = 1; ; copy++) {
      const key = copy === 1 ? draft.family.key : `${draft.family.key}#${copy}`;
      const signatures = taken.get(key) ?? new Set<string>();
      if (signatures.has(signature)) continue;
      signatures.add(signature);
      taken.set(key, signatures);
      return familyId(categorySlug, key);
    }
  });
}

/** A short stable id: the same model always gets the same id, whatever else the catalog holds. */
function familyId(categorySlug: string, key: string): string {
  return `fam${crypto.createHash('sha256').update(`${categorySlug}\n${key}`).digest('hex').slice(0, 13)}`;
}
