/** Fashion: shirts, t-shirts, jeans, dresses, kurtas and shoes, each in colours and sizes. */
import type { ImageKind } from '../images/image-spec';
import { FASHION_COLOURS } from './colours';
import { colourAttribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';

interface Line {
  kind: ImageKind;
  who: 'Men' | 'Women';
  /** Title without the colour; `{c}` is replaced by it. */
  names: string[];
  brands: string[];
  price: [number, number];
  sizes: string[];
  fabric: string[];
  type: string;
}

const APPAREL = ['S', 'M', 'L', 'XL', 'XXL'];
const WAIST = ['28', '30', '32', '34', '36'];
const MEN_SHOES = ['UK 6', 'UK 7', 'UK 8', 'UK 9', 'UK 10', 'UK 11'];
const WOMEN_SHOES = ['UK 3', 'UK 4', 'UK 5', 'UK 6', 'UK 7'];

const LINES: Line[] = [
  { kind: 'shirt', who: 'Men', type: 'Shirt', sizes: APPAREL, fabric: ['Pure Cotton', 'Cotton Blend', 'Linen Blend'], price: [999, 2999],
    brands: ['Allen Solly', 'Peter England', 'Van Heusen', 'Louis Philippe', 'Roadster', 'U.S. POLO ASSN.', 'WROGN'],
    names: ['Men Regular Fit Solid Spread Collar Casual Shirt', 'Men Slim Fit Checkered Casual Shirt', 'Men Slim Fit Solid Formal Shirt', 'Men Regular Fit Printed Casual Shirt', 'Men Slim Fit Striped Cut Away Collar Formal Shirt'] },
  { kind: 'tshirt', who: 'Men', type: 'T-Shirt', sizes: APPAREL, fabric: ['Pure Cotton', 'Polyester', 'Cotton Blend'], price: [499, 1499],
    brands: ['HRX by Hrithik Roshan', 'Puma', 'Roadster', 'Adidas', 'U.S. POLO ASSN.', 'Nike', 'Bewakoof'],
    names: ['Men Solid Round Neck {c} T-Shirt', 'Men Printed Polo Neck {c} T-Shirt', 'Men Typography Round Neck {c} T-Shirt', 'Men Striped Polo Neck T-Shirt', 'Men Colorblock Round Neck Sports T-Shirt'] },
  { kind: 'jeans', who: 'Men', type: 'Jeans', sizes: WAIST, fabric: ['Cotton Blend Denim', 'Stretch Denim'], price: [1299, 3999],
    brands: ["Levi's", 'Roadster', 'Flying Machine', 'Spykar', 'Pepe Jeans', 'WROGN'],
    names: ['Men Slim Mid Rise {c} Jeans', 'Men Regular Mid Rise {c} Jeans', 'Men Skinny Low Rise {c} Jeans', 'Men Tapered Fit Mid Rise {c} Jeans'] },
  { kind: 'dress', who: 'Women', type: 'Dress', sizes: APPAREL, fabric: ['Georgette', 'Crepe', 'Rayon', 'Cotton Blend'], price: [799, 2999],
    brands: ['ONLY', 'Vero Moda', 'Mast & Harbour', 'SASSAFRAS', 'Harpa', 'Tokyo Talkies'],
    names: ['Women Fit and Flare {c} Dress', 'Women A-line {c} Dress', 'Women Maxi {c} Dress', 'Women Bodycon Midi Dress', 'Women Shift Floral Print Dress'] },
  { kind: 'dress', who: 'Women', type: 'Kurta', sizes: APPAREL, fabric: ['Pure Cotton', 'Rayon', 'Viscose Rayon'], price: [699, 2499],
    brands: ['BIBA', 'W', 'Libas', 'Aurelia', 'FabIndia', 'Anouk'],
    names: ['Women Printed Straight Kurta', 'Women Embroidered A-line Kurta', 'Women Floral Print Anarkali Kurta', 'Women Solid Straight {c} Kurta', 'Women Kurta and Palazzo Set'] },
  { kind: 'shoe', who: 'Men', type: 'Shoes', sizes: MEN_SHOES, fabric: ['Mesh', 'Synthetic Leather', 'Genuine Leather'], price: [999, 6999],
    brands: ['Puma', 'Adidas', 'Nike', 'Campus', 'Red Tape', 'Sparx', 'ASIAN', 'Bata'],
    names: ['Running Shoes For Men', 'Sneakers For Men', 'Walking Shoes For Men', 'Training & Gym Shoes For Men', 'Casual Shoes For Men', 'Derby Formal Shoes For Men'] },
  { kind: 'shoe', who: 'Women', type: 'Shoes', sizes: WOMEN_SHOES, fabric: ['Mesh', 'Synthetic', 'Canvas'], price: [799, 4999],
    brands: ['Puma', 'Adidas', 'Campus', 'Bata', 'Metro', 'Mochi'],
    names: ['Running Shoes For Women', 'Sneakers For Women', 'Walking Shoes For Women', 'Casual Slip On Shoes For Women'] },
];

/** Generates `count` clothes and shoes: a cut's colours are one family, its sizes are variants of each. */
export const generateFashion: CategoryGenerator = (random, count) => {
  const cuts = LINES.flatMap((line) => line.brands.flatMap((brand) => line.names.map((name) => ({
    line, brand, name,
    colours: random.sample(FASHION_COLOURS, random.int(1, 3)),
    fabric: random.pick(line.fabric),
    sizes: line.sizes.slice(random.chance(0.3) ? 1 : 0),
    mrpRupees: random.int(line.price[0], line.price[1]),
  }))));
  const combos = cuts.flatMap((cut) => cut.colours.map((colour) => ({ ...cut, colour })));
  return takeCombos(random, combos, count).map(({ line, brand, name, colour, fabric, sizes, mrpRupees }): ProductDraft => {
    // The colour is in every title: each colour of a cut is its own listing.
    const title = name.includes('{c}') ? name.replace('{c}', colour.name) : `${name} (${colour.name})`;
    return {
      title,
      brand,
      description: `${brand} ${line.type.toLowerCase()} in ${fabric.toLowerCase()}, cut for everyday comfort. ${line.kind === 'shoe' ? 'A cushioned sole and a grippy outsole keep you going all day.' : 'Machine wash cold with like colours; do not bleach.'}`,
      mrpRupees,
      discount: [30, 75],
      highlights: line.kind === 'shoe'
        ? [`Outer material: ${fabric}`, `Colour: ${colour.name}`, 'Sole: Rubber', 'Closure: Lace-Ups']
        : [`Fabric: ${fabric}`, `Colour: ${colour.name}`, `Pattern: ${/Printed|Floral/.test(name) ? 'Printed' : /Check/.test(name) ? 'Checkered' : /Stripe/.test(name) ? 'Striped' : 'Solid'}`, 'Machine Wash'],
      specifications: specs(
        line.kind === 'shoe'
          ? { General: { 'Ideal For': line.who, Type: name.replace(/ For (Men|Women)$/, ''), 'Outer Material': fabric, Color: colour.name, 'Sole Material': 'Rubber', Closure: 'Lace-Ups' }, 'In The Box': { 'Pack Of': '1 Pair' } }
          : { General: { 'Ideal For': line.who, Type: line.type, Fabric: fabric, Color: colour.name, Fit: /Slim|Skinny/.test(name) ? 'Slim' : 'Regular', Occasion: /Formal/.test(name) ? 'Formal' : 'Casual' }, 'Wash Care': { Instructions: 'Machine wash cold, tumble dry low' } },
      ),
      colours: [colour],
      sizes,
      image: { kind: line.kind },
      family: { key: `${brand} ${name}`, attributes: [colourAttribute(colour)] },
    };
  });
};
