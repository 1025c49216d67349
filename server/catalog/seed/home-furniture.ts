/** Home & Furniture: sofas, beds, chairs, study tables, lamps and bottles. */
import type { ImageKind } from '../images/image-spec';
import { DEVICE_COLOURS, HOME_COLOURS } from './colours';
import { attribute, colourAttribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';

interface Line {
  kind: ImageKind;
  brands: string[];
  names: string[];
  price: [number, number];
  material: string[];
  room: string;
  big?: boolean;
}

const LINES: Line[] = [
  { kind: 'sofa', room: 'Living Room', big: true, price: [14999, 64999], material: ['Fabric', 'Leatherette', 'Velvet'],
    brands: ['Wakefit', 'Urban Ladder', 'Flipkart Perfect Homes', 'Sleepyhead', 'Home Centre', 'Durian'],
    names: ['3 Seater Fabric Sofa', '2 Seater Sofa', 'L Shaped Sectional Sofa', '3 + 1 + 1 Sofa Set', 'Sofa cum Bed'] },
  { kind: 'sofa', room: 'Bedroom', big: true, price: [12999, 49999], material: ['Engineered Wood', 'Sheesham Wood', 'Metal'],
    brands: ['Wakefit', 'Nilkamal', 'Flipkart Perfect Homes', 'Godrej Interio', 'HomeTown'],
    names: ['Engineered Wood Queen Box Bed', 'Solid Wood King Bed With Storage', 'Metal Single Bed', 'Hydraulic Queen Bed'] },
  { kind: 'chair', room: 'Study Room', price: [3999, 19999], material: ['Mesh', 'Leatherette', 'Fabric'],
    brands: ['Green Soul', 'Featherlite', 'Nilkamal', 'CELLBELL', 'Wakefit'],
    names: ['Ergonomic Office Chair', 'High Back Mesh Office Chair', 'Gaming Chair with Footrest', 'Study Chair'] },
  { kind: 'chair', room: 'Study Room', price: [2999, 12999], material: ['Engineered Wood', 'Solid Wood'],
    brands: ['Nilkamal', 'Bluewud', 'DeckUp', 'Flipkart Perfect Homes'],
    names: ['Engineered Wood Study Table', 'Computer Desk with Shelves', 'Foldable Laptop Table', 'Writing Desk'] },
  { kind: 'lamp', room: 'Living Room', price: [799, 4999], material: ['Metal', 'Fabric Shade', 'Wood'],
    brands: ['Philips', 'Wipro', 'Homesake', 'Flipkart SmartBuy', 'Syska'],
    names: ['Table Lamp', 'Floor Lamp', 'LED Study Lamp', 'Bedside Night Lamp', 'Tripod Floor Lamp'] },
  { kind: 'bottle', room: 'Kitchen', price: [299, 1499], material: ['Stainless Steel', 'Copper', 'Borosilicate Glass'],
    brands: ['Milton', 'Cello', 'Borosil', 'Pigeon'],
    names: ['Thermosteel Flask 1000 ml', 'Fridge Water Bottle 1 L (Pack of 3)', 'Vacuum Insulated Bottle 750 ml', 'Copper Water Bottle 950 ml'] },
];

/** Generates `count` furniture and home items; a design's colours and materials are one family. */
export const generateHomeFurniture: CategoryGenerator = (random, count) => {
  const designs = LINES.flatMap((line) => line.brands.flatMap((brand) => line.names.map((name) => {
    const palette = line.kind === 'bottle' || line.kind === 'lamp' ? DEVICE_COLOURS : HOME_COLOURS;
    return {
      line, brand, name,
      colours: random.sample(palette, random.int(1, 3)),
      materials: random.sample(line.material, random.int(1, Math.min(2, line.material.length))),
      assembly: line.big || line.kind === 'chair' ? random.pick(['Carpenter Assembly', 'DIY - Do It Yourself', 'Pre-assembled']) : 'Not Required',
      mrpRupees: random.int(line.price[0], line.price[1]),
    };
  })));
  const combos = designs.flatMap((d) => d.materials.flatMap((material) => d.colours.map((colour) => ({ ...d, material, colour }))));
  return takeCombos(random, combos, count).map(({ line, brand, name, colour, material, assembly, mrpRupees }): ProductDraft => {
    return {
      title: `${brand} ${name} (${material}, ${colour.name})`,
      brand,
      description: `${name} by ${brand} in ${material.toLowerCase()}, made for the ${line.room.toLowerCase()}. ${line.big ? 'Free delivery and installation in serviceable cities.' : 'Easy to clean and built to last.'}`,
      mrpRupees: mrpRupees + (material === line.material[0] ? 0 : Math.round(mrpRupees * 0.1)),
      discount: line.big ? [20, 60] : [15, 55],
      highlights: [`Material: ${material}`, `Colour: ${colour.name}`, `Room: ${line.room}`, assembly === 'Not Required' ? 'No assembly needed' : assembly],
      specifications: specs({
        General: { Brand: brand, 'Model Name': name, Material: material, Color: colour.name, 'Suitable For': line.room },
        Installation: { 'Delivery Condition': assembly, 'Installation & Demo': assembly === 'Carpenter Assembly' ? 'Free' : 'Not Applicable' },
        Warranty: { 'Warranty Summary': line.big ? '3 Years Manufacturer Warranty' : '1 Year Warranty' },
      }),
      colours: [colour],
      sizes: [],
      image: { kind: line.kind },
      bigTicket: line.big ?? false,
      family: { key: `${brand} ${name}`, attributes: [colourAttribute(colour), attribute('Material', material)] },
    };
  });
};
