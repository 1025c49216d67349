/** Electronics: laptops, headphones and earbuds, smartwatches and speakers; each model's colours and memory are one family. */
import { DEVICE_COLOURS } from './colours';
import { attribute, colourAttribute, specs, takeCombos, type CategoryGenerator, type Colour, type ProductDraft } from './draft';
import type { Random } from './random';

const LAPTOPS: ReadonlyArray<[string, string, number]> = [
  ['HP', '15s', 52990], ['HP', 'Victus Gaming', 74990], ['Lenovo', 'IdeaPad Slim 3', 55990], ['Lenovo', 'LOQ Gaming', 82990],
  ['ASUS', 'Vivobook 15', 49990], ['ASUS', 'TUF Gaming F15', 79990], ['Dell', 'Inspiron 3520', 56990], ['Acer', 'Aspire Lite', 41990],
  ['MSI', 'Modern 14', 45990], ['Apple', 'MacBook Air M2', 114900],
];
const CHIPS = ['Intel Core i3 12th Gen 1215U', 'Intel Core i5 12th Gen 1235U', 'Intel Core i5 13th Gen 13420H', 'AMD Ryzen 5 Hexa Core 7520U', 'AMD Ryzen 7 Octa Core 7735HS', 'Intel Core i7 13th Gen 13620H'];
const AUDIO: ReadonlyArray<[string, string, number, 'headphones' | 'earbuds']> = [
  ['boAt', 'Rockerz 450', 2990, 'headphones'], ['boAt', 'Airdopes 141', 4490, 'earbuds'], ['JBL', 'Tune 760NC', 7999, 'headphones'],
  ['Sony', 'WH-1000XM5', 34990, 'headphones'], ['Sony', 'WH-CH520', 5990, 'headphones'], ['OnePlus', 'Nord Buds 2r', 2999, 'earbuds'],
  ['Noise', 'Buds VS104', 3999, 'earbuds'], ['realme', 'Buds T300', 3499, 'earbuds'], ['Sennheiser', 'HD 450BT', 14990, 'headphones'],
];
const WATCHES: ReadonlyArray<[string, string, number]> = [
  ['Noise', 'ColorFit Pro 5', 7999], ['boAt', 'Wave Call 2', 6999], ['Fire-Boltt', 'Phoenix Pro', 8999], ['Amazfit', 'Bip 5', 9999],
  ['Samsung', 'Galaxy Watch6', 32999], ['Apple', 'Watch SE (2nd Gen) GPS 40mm', 29900], ['Noise', 'Halo Plus', 9999],
];
const SPEAKERS: ReadonlyArray<[string, string, number]> = [
  ['JBL', 'Flip 6', 14999], ['JBL', 'Go 3', 3999], ['boAt', 'Stone 1200', 9990], ['Marshall', 'Emberton II', 18999],
  ['Sony', 'SRS-XB100', 5990], ['Mivi', 'Roam 2', 2999], ['Zebronics', 'Zeb-Sound Feast 500', 7999],
];

/** One laptop model as listed: its chip, colours and weight; memory configurations are its listings. */
interface LaptopModel {
  brand: string;
  series: string;
  base: number;
  chip: string;
  colours: Colour[];
  weight: string;
  ddr: string;
  markup: number;
}

// [RAM GB, SSD GB]
const LAPTOP_CONFIGS: ReadonlyArray<[number, number]> = [[8, 512], [16, 512], [16, 1024]];

function laptopModels(random: Random): LaptopModel[] {
  return LAPTOPS.flatMap(([brand, series, base]) => {
    const apple = brand === 'Apple';
    // Two chips of a series are two models (two families), as shops list them.
    const chips = apple ? ['Apple M2'] : random.sample(CHIPS, 2);
    return chips.map((chip) => ({
      brand, series, base, chip,
      colours: random.sample(DEVICE_COLOURS.slice(0, 5), random.int(1, 2)),
      weight: random.pick(['1.24 Kg', '1.59 Kg', '1.69 Kg', '1.79 Kg', '2.2 Kg']),
      ddr: apple ? '' : random.pick(['4', '5']),
      markup: random.int(115, 135) / 100,
    }));
  });
}

function laptop(m: LaptopModel, [ram, ssd]: (typeof LAPTOP_CONFIGS)[number], colour: Colour): ProductDraft {
  const { brand, series, chip, weight } = m;
  const apple = brand === 'Apple';
  const os = apple ? 'macOS Sonoma' : 'Windows 11 Home';
  const gaming = series.includes('Gaming');
  const storage = ssd >= 1024 ? '1 TB' : `${ssd} GB`;
  return {
    title: `${brand} ${series} ${chip} - (${ram} GB/${storage} SSD/${os}) ${gaming ? 'Gaming' : 'Thin and Light'} Laptop (${apple ? '13.6' : '15.6'} Inch, ${colour.name}, ${weight})`,
    brand,
    description: `${brand} ${series} with ${chip}, ${ram} GB of RAM and a fast ${storage} SSD. ${gaming ? 'A high refresh rate screen and dedicated graphics for smooth gaming.' : 'Light enough to carry all day, with a battery that lasts through lectures and meetings.'}`,
    mrpRupees: Math.round(m.base * (1 + ram / 64 + ssd / 8192) * m.markup),
    discount: apple ? [5, 15] : [12, 35],
    highlights: [chip, `${ram} GB DDR${m.ddr} RAM`, `${storage} SSD`, `${os} Operating System`, `${apple ? '34.46 cm (13.6 inch)' : '39.62 cm (15.6 Inch)'} Display`],
    specifications: specs({
      General: { 'Model Name': series, 'Sales Package': 'Laptop, Power Adaptor, User Guide', Type: gaming ? 'Gaming Laptop' : 'Thin and Light Laptop', Color: colour.name },
      'Processor And Memory Features': { Processor: chip, RAM: `${ram} GB`, SSD: 'Yes', 'SSD Capacity': `${ssd} GB` },
      'Operating System': { 'Operating System': os },
      'Display And Audio Features': { 'Screen Size': apple ? '34.46 cm (13.6 inch)' : '39.62 cm (15.6 Inch)', 'Screen Resolution': apple ? '2560 x 1664 Pixels' : '1920 x 1080 Pixels' },
      Dimensions: { Weight: weight },
      Warranty: { 'Warranty Summary': '1 Year Onsite Warranty' },
    }),
    colours: [colour],
    sizes: [],
    image: { kind: 'laptop' },
    bigTicket: true,
    family: { key: `${brand} ${series} ${chip}`, attributes: [colourAttribute(colour), attribute('RAM', `${ram} GB`), attribute('SSD Capacity', storage)] },
  };
}

type GadgetKind = 'headphones' | 'earbuds' | 'watch' | 'speaker';

/** One gadget model: what all its colours share. */
interface GadgetModel {
  kind: GadgetKind;
  brand: string;
  model: string;
  base: number;
  colours: Colour[];
  hours: number;
  extra: string;
  bluetooth: string;
  charging: number;
  waterResistant: string;
  markup: number;
}

function gadgetModel(random: Random, kind: GadgetKind, brand: string, model: string, base: number): GadgetModel {
  return {
    kind, brand, model, base,
    colours: random.sample(DEVICE_COLOURS, random.int(1, 4)),
    hours: random.pick([20, 30, 40, 50, 60]),
    extra: { headphones: 'Active Noise Cancellation', earbuds: 'ENx Tech, Fast Charging', watch: '1.96" AMOLED Display, Bluetooth Calling', speaker: `${random.pick([5, 10, 20, 30])} W, IP67 Waterproof` }[kind],
    bluetooth: `5.${random.int(0, 3)}`,
    charging: random.int(1, 3),
    waterResistant: random.pick(['Yes', 'No']),
    markup: random.int(110, 160) / 100,
  };
}

function gadget(g: GadgetModel, colour: Colour): ProductDraft {
  const { kind, brand, model, base, hours, extra } = g;
  const noun = { headphones: 'Bluetooth Headset', earbuds: 'Bluetooth Earbuds', watch: 'Smartwatch', speaker: 'Bluetooth Speaker' }[kind];
  return {
    title: `${brand} ${model} with ${extra} ${noun} (${colour.name}${kind === 'earbuds' ? ', True Wireless' : ''})`,
    brand,
    description: `${brand} ${model}: ${extra.toLowerCase()} and up to ${hours} hours of playback on a single charge.`,
    mrpRupees: Math.round(base * g.markup),
    discount: base > 15000 ? [10, 30] : [40, 80],
    highlights: [extra, `Battery life: ${hours} hrs`, `Bluetooth version: ${g.bluetooth}`, kind === 'watch' ? 'Heart rate and SpO2 monitoring' : 'Deep bass', '1 Year Warranty'],
    specifications: specs({
      General: { 'Model Name': model, Color: colour.name, Type: noun, 'Sales Package': `${noun}, Charging Cable, User Manual` },
      'Product Details': { 'Battery Life': `${hours} hrs`, 'Charging Time': `${g.charging} hrs`, 'Water Resistant': g.waterResistant },
      Connectivity: { 'Bluetooth Version': g.bluetooth, 'Bluetooth Range': '10 m' },
      Warranty: { 'Warranty Summary': '1 Year Manufacturer Warranty' },
    }),
    colours: [colour],
    sizes: [],
    image: { kind: kind === 'earbuds' ? 'headphones' : kind },
    family: { key: `${brand} ${model}`, attributes: [colourAttribute(colour)] },
  };
}

/** Generates `count` laptops and gadgets. */
export const generateElectronics: CategoryGenerator = (random, count) => {
  type Maker = () => ProductDraft;
  const gadgets = [
    ...AUDIO.map(([b, m, p, k]) => gadgetModel(random, k, b, m, p)),
    ...WATCHES.map(([b, m, p]) => gadgetModel(random, 'watch', b, m, p)),
    ...SPEAKERS.map(([b, m, p]) => gadgetModel(random, 'speaker', b, m, p)),
  ];
  const makers: Maker[] = [
    ...laptopModels(random).flatMap((m) => LAPTOP_CONFIGS.flatMap((config) => m.colours.map((colour) => () => laptop(m, config, colour)))),
    ...gadgets.flatMap((g) => g.colours.map((colour) => () => gadget(g, colour))),
  ];
  return takeCombos(random, makers, count).map((make) => make());
};
