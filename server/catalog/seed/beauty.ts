/** Beauty & Personal Care: skin care, hair care, fragrances and lipsticks in shades. */
import type { ImageKind } from '../images/image-spec';
import { SHADE_COLOURS } from './colours';
import { attribute, colourAttribute, specs, takeCombos, type CategoryGenerator, type Colour, type ProductDraft } from './draft';

// [brand, product, kind, pack sizes, price of the smallest pack, skin/hair type, bottle tint]
const ITEMS: ReadonlyArray<[string, string, ImageKind, string[], number, string, string]> = [
  ['Mamaearth', 'Vitamin C Face Wash with Turmeric', 'bottle', ['100 ml', '250 ml'], 299, 'All Skin Types', '#f29a2e'],
  ['Mamaearth', 'Onion Hair Oil', 'bottle', ['150 ml', '250 ml'], 399, 'All Hair Types', '#7a3b8a'],
  ['Minimalist', '10% Niacinamide Face Serum', 'bottle', ['30 ml'], 599, 'Oily Skin', '#e8e2d6'],
  ['The Derma Co', '1% Hyaluronic Sunscreen Aqua Gel SPF 50', 'bottle', ['50 g', '80 g'], 499, 'All Skin Types', '#4aa0d8'],
  ['Nivea', 'Soft Light Moisturising Cream', 'jar', ['100 ml', '200 ml'], 299, 'Normal Skin', '#1f3f8a'],
  ['Nivea', 'Body Milk Nourishing Lotion', 'bottle', ['200 ml', '400 ml'], 349, 'Dry Skin', '#1f3f8a'],
  ['Lakmé', 'Absolute Perfect Radiance Day Creme', 'jar', ['50 g'], 549, 'All Skin Types', '#d8c8d8'],
  ["L'Oréal Paris", 'Total Repair 5 Shampoo', 'bottle', ['180 ml', '340 ml', '650 ml'], 319, 'Damaged Hair', '#d83a2f'],
  ['Dove', 'Intense Repair Shampoo', 'bottle', ['180 ml', '340 ml'], 299, 'Damaged Hair', '#f0f0f4'],
  ['Biotique', 'Bio Papaya Exfoliating Face Scrub', 'jar', ['50 g', '175 g'], 199, 'All Skin Types', '#f4a05a'],
  ['Himalaya', 'Purifying Neem Face Wash', 'bottle', ['100 ml', '200 ml'], 199, 'Oily Skin', '#2f8a57'],
  ['WOW Skin Science', 'Apple Cider Vinegar Shampoo', 'bottle', ['300 ml'], 549, 'All Hair Types', '#c8302f'],
  ['Plum', 'Green Tea Oil-Free Moisturizer', 'bottle', ['50 ml'], 470, 'Oily Skin', '#6b9a40'],
  ['Beardo', 'Beard and Hair Growth Oil', 'bottle', ['50 ml'], 449, 'Men', '#3b2a1f'],
  ['Park Avenue', 'Voyage Perfume Eau de Parfum', 'bottle', ['100 ml'], 699, 'Men', '#1f2f57'],
  ['Bella Vita', 'CEO Man Eau de Parfum', 'bottle', ['100 ml'], 799, 'Men', '#23252b'],
  ['Pond’s', 'Bright Beauty Spot-less Glow Face Wash', 'bottle', ['100 g', '200 g'], 249, 'All Skin Types', '#e98aa8'],
  ['Garnier', 'Bright Complete Vitamin C Serum', 'bottle', ['30 ml'], 549, 'Dull Skin', '#f29a2e'],
  ['Parachute', 'Advansed Aloe Vera Enriched Coconut Hair Oil', 'bottle', ['250 ml', '400 ml'], 199, 'All Hair Types', '#2f8a57'],
  ['Head & Shoulders', 'Anti Dandruff Smooth and Silky Shampoo', 'bottle', ['180 ml', '340 ml', '650 ml'], 275, 'Dandruff', '#1f7a9a'],
  ['Vaseline', 'Intensive Care Deep Moisture Body Lotion', 'bottle', ['200 ml', '400 ml'], 299, 'Dry Skin', '#e8d8a8'],
  ['Fogg', 'Scent Impressio Eau de Parfum', 'bottle', ['90 ml'], 499, 'Men', '#23324f'],
  ['Cetaphil', 'Gentle Skin Cleanser', 'bottle', ['125 ml', '250 ml'], 399, 'Sensitive Skin', '#e8eef4'],
];
const LIPSTICKS: ReadonlyArray<[string, string, number]> = [
  ['Maybelline New York', 'Superstay Matte Ink Liquid Lipstick', 699],
  ['Lakmé', '9 to 5 Primer + Matte Lip Color', 599],
  ['SUGAR', 'Matte Attack Transferproof Lipstick', 499],
  ["L'Oréal Paris", 'Color Riche Moist Matte Lipstick', 849],
  ['MARS', 'Matte Crayon Lipstick', 199],
  ['Swiss Beauty', 'Non-Transfer Matte Lipstick', 299],
  ['Nykaa Cosmetics', 'So Matte Mini Lipstick', 249],
];

/** Generates `count` beauty products. */
export const generateBeauty: CategoryGenerator = (random, count) => {
  type Maker = () => ProductDraft;
  const makers: Maker[] = [
    ...ITEMS.flatMap(([brand, name, kind, packs, price, type, hex]) =>
      packs.flatMap((pack, i) => [1, 2, 3].map((multiple) => (): ProductDraft => {
        const tint: Colour = { name: 'Standard', hex };
        const organic = random.pick(['Yes', 'No']);
        return {
          title: `${brand} ${name} (${multiple > 1 ? `Pack of ${multiple}, ` : ''}${pack})`,
          brand,
          description: `${name} by ${brand}, dermatologically tested and suitable for ${type.toLowerCase()}. Free of parabens and mineral oil.`,
          mrpRupees: Math.round(price * (1 + i * 0.8) * multiple),
          discount: [5, 40],
          highlights: [`Ideal For: ${type.includes('Hair') || type === 'Men' ? type : 'Women & Men'}`, `Quantity: ${pack}`, type, 'Paraben free'],
          specifications: specs({ General: { Brand: brand, 'Model Name': name, Quantity: pack, 'Skin or Hair Type': type, Organic: organic }, 'Usage': { 'Application Area': /Shampoo|Hair|Beard/.test(name) ? 'Hair' : /Perfume|Parfum/.test(name) ? 'Body' : 'Face' } }),
          colours: [tint],
          sizes: [],
          image: { kind, label: brand },
          family: { key: `${brand} ${name}`, attributes: [attribute('Quantity', pack), attribute('Pack', multiple > 1 ? `Pack of ${multiple}` : 'Single')] },
        };
      })),
    ),
    ...LIPSTICKS.flatMap(([brand, name, price]) =>
      SHADE_COLOURS.map((shade) => (): ProductDraft => {
        return {
          title: `${brand} ${name} (${shade.name}, 4.2 g)`,
          brand,
          description: `${brand} ${name}: a long-wearing, comfortable matte finish in ${shade.name.toLowerCase()}.`,
          mrpRupees: price,
          discount: [10, 45],
          highlights: ['Finish: Matte', `Shade: ${shade.name}`, 'Long lasting up to 16 hours', 'Quantity: 4.2 g'],
          specifications: specs({ General: { Brand: brand, 'Model Name': name, Shade: shade.name, Finish: 'Matte', Quantity: '4.2 g' } }),
          colours: [shade],
          sizes: [],
          image: { kind: 'lipstick', label: brand },
          // Each shade is its own listing; a lipstick's shades are one family.
          family: { key: `${brand} ${name}`, attributes: [colourAttribute(shade, 'Shade')] },
        };
      }),
    ),
  ];
  return takeCombos(random, makers, count).map((make) => make());
};
