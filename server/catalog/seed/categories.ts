/** The shop's categories, in menu order, with their share of the demo catalog and their generator. */
import { generateAppliances } from './appliances';
import { generateBeauty } from './beauty';
import { generateBooks } from './books';
import type { CategoryGenerator } from './draft';
import { generateElectronics } from './electronics';
import { generateFashion } from './fashion';
import { generateGrocery } from './grocery';
import { generateHomeFurniture } from './home-furniture';
import { generateMobiles } from './mobiles';

export interface SeedCategory {
  slug: string;
  name: string;
  /** Share of the catalog; the shares add up to 1. */
  share: number;
  generate: CategoryGenerator;
}

/** Categories in the order the home page lists them. */
export const SEED_CATEGORIES: readonly SeedCategory[] = [
  { slug: 'mobiles', name: 'Mobiles', share: 0.14, generate: generateMobiles },
  { slug: 'fashion', name: 'Fashion', share: 0.23, generate: generateFashion },
  { slug: 'electronics', name: 'Electronics', share: 0.13, generate: generateElectronics },
  { slug: 'home-furniture', name: 'Home & Furniture', share: 0.12, generate: generateHomeFurniture },
  { slug: 'appliances', name: 'Appliances', share: 0.1, generate: generateAppliances },
  { slug: 'beauty', name: 'Beauty & Personal Care', share: 0.08, generate: generateBeauty },
  { slug: 'grocery', name: 'Grocery', share: 0.08, generate: generateGrocery },
  { slug: 'books', name: 'Books', share: 0.12, generate: generateBooks },
];

/** Splits `total` products across the categories by share; the remainder goes to the first ones. */
export function splitCount(total: number): number[] {
  const counts = SEED_CATEGORIES.map((category) => Math.floor(total * category.share));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i]! += 1;
  return counts;
}
