import { generateCatalog } from '../server/catalog/seed/index';
const { rows } = generateCatalog(120);
const withSwatch = rows.filter((r) => (JSON.parse(r.product.family_attributes) as Array<{ swatch?: string }>).some((a) => a.swatch));
console.log(rows.length, withSwatch.length, withSwatch.slice(0, 3).map((r) => r.product.category_slug + ' ' + r.product.family_attributes));
