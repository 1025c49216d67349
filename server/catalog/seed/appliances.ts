/** Appliances: refrigerators, washing machines, televisions, air conditioners and mixer grinders. */
import type { ImageKind } from '../images/image-spec';
import { DEVICE_COLOURS } from './colours';
import { colourAttribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';

interface Line {
  kind: ImageKind;
  brands: string[];
  /** [name, base rupees, key spec] */
  models: Array<[string, number, string]>;
  type: string;
}

const LINES: Line[] = [
  { kind: 'fridge', type: 'Refrigerator', brands: ['LG', 'Samsung', 'Whirlpool', 'Godrej', 'Haier'],
    models: [['190 L Direct Cool Single Door 4 Star Refrigerator', 18990, '190 L'], ['242 L Frost Free Double Door 3 Star Refrigerator', 28990, '242 L'], ['322 L Frost Free Double Door 3 Star Convertible Refrigerator', 38990, '322 L'], ['580 L Frost Free Side by Side Refrigerator', 79990, '580 L']] },
  { kind: 'washer', type: 'Washing Machine', brands: ['LG', 'Samsung', 'IFB', 'Bosch', 'Whirlpool'],
    models: [['7 kg 5 Star Fully Automatic Top Load Washing Machine', 21990, '7 kg'], ['8 kg Fully Automatic Front Load Washing Machine with In-built Heater', 36990, '8 kg'], ['7.5 kg Semi Automatic Top Load Washing Machine', 12990, '7.5 kg'], ['9 kg 5 Star Inverter Fully Automatic Front Load', 45990, '9 kg']] },
  { kind: 'tv', type: 'Television', brands: ['Mi', 'Samsung', 'LG', 'Sony', 'TCL', 'Acer'],
    models: [['80 cm (32 inch) HD Ready LED Smart Google TV', 17990, '32 inch'], ['108 cm (43 inch) Ultra HD (4K) LED Smart TV', 39990, '43 inch'], ['139 cm (55 inch) Ultra HD (4K) QLED Smart TV', 69990, '55 inch'], ['164 cm (65 inch) Ultra HD (4K) OLED Smart TV', 189990, '65 inch']] },
  { kind: 'ac', type: 'Air Conditioner', brands: ['Voltas', 'LG', 'Daikin', 'Blue Star', 'Lloyd', 'Panasonic'],
    models: [['1.5 Ton 3 Star Split Inverter AC', 44990, '1.5 Ton'], ['1 Ton 3 Star Split Inverter AC', 36990, '1 Ton'], ['1.5 Ton 5 Star Split Inverter AC with Wi-Fi', 55990, '1.5 Ton'], ['2 Ton 3 Star Split Inverter AC', 58990, '2 Ton']] },
  { kind: 'mixer', type: 'Mixer Grinder', brands: ['Prestige', 'Bajaj', 'Philips', 'Butterfly', 'Preethi'],
    models: [['750 W Mixer Grinder (3 Jars)', 3999, '750 W'], ['500 W Mixer Grinder (3 Jars)', 2999, '500 W'], ['1000 W Juicer Mixer Grinder (4 Jars)', 6499, '1000 W']] },
];

/** Generates `count` appliances; a model's colours are one family. */
export const generateAppliances: CategoryGenerator = (random, count) => {
  const models = LINES.flatMap((line) => line.brands.flatMap((brand) => line.models.map((model) => {
    const [name] = model;
    // Shops list several model years of the same appliance; the model code tells them apart.
    const code = `${brand.replace(/[^A-Z]/gi, '').slice(0, 2).toUpperCase()}-${random.int(100, 999)}${random.pick(['A', 'B', 'R', 'X'])}${random.pick(['N', 'S', 'Z'])}`;
    return {
      line, brand, model, code,
      colours: random.sample(line.kind === 'tv' || line.kind === 'ac' ? DEVICE_COLOURS.slice(0, 1).concat(DEVICE_COLOURS.slice(5, 6)) : DEVICE_COLOURS, random.int(1, 2)),
      stars: name.match(/(\d) Star/)?.[1] ?? String(random.int(3, 5)),
      warranty: random.pick(['1 Year on Product', '1 Year on Product, 10 Years on Compressor', '2 Years Comprehensive']),
      markup: random.int(115, 150) / 100,
    };
  })));
  const combos = models.flatMap((m) => m.colours.map((colour) => ({ ...m, colour })));
  return takeCombos(random, combos, count).map(({ line, brand, model: [name, base, key], code, colour, stars, warranty, markup }): ProductDraft => {
    return {
      title: `${brand} ${name} (${line.kind === 'tv' || line.kind === 'mixer' ? '' : `${colour.name}, `}${code})`,
      brand,
      description: `${brand} ${line.type.toLowerCase()}, ${key}. ${line.kind === 'mixer' ? 'Stainless steel jars and overload protection for everyday Indian cooking.' : `${stars} star energy rating keeps electricity bills low.`}`,
      mrpRupees: Math.round(base * markup),
      discount: [10, 45],
      highlights: [key, line.kind === 'mixer' ? '3 Speed Control with Incher' : `${stars} Star BEE Rating`, line.kind === 'tv' ? 'Netflix | Prime Video | Disney+Hotstar | YouTube' : 'Inverter Technology', `Warranty: ${warranty}`],
      specifications: specs({
        General: { Brand: brand, 'Model Name': code, Type: line.type, Capacity: key, Color: colour.name },
        Performance: { 'Energy Rating': `${stars} Star`, Inverter: line.kind === 'mixer' ? 'No' : 'Yes' },
        Warranty: { 'Warranty Summary': warranty, 'Service Type': 'On-site' },
      }),
      colours: [colour],
      sizes: [],
      image: { kind: line.kind },
      bigTicket: base > 10000,
      family: { key: `${brand} ${code}`, attributes: [colourAttribute(colour)] },
    };
  });
};
