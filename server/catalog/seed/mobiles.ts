/** Mobiles: one listing per model, memory configuration and colour; a model's listings are one family. */
import { PHONE_COLOURS } from './colours';
import { attribute, colourAttribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';
import type { Random } from './random';

// [brand, model, base price in rupees, processor]
const MODELS: ReadonlyArray<[string, string, number, string]> = [
  ['Redmi', 'Note 13 5G', 17999, 'Dimensity 6080'], ['Redmi', 'Note 13 Pro 5G', 25999, 'Snapdragon 7s Gen 2'],
  ['Redmi', 'Note 13 Pro+ 5G', 31999, 'Dimensity 7200 Ultra'], ['Redmi', '13C 5G', 10999, 'Dimensity 6100+'],
  ['Redmi', '12 5G', 13999, 'Snapdragon 4 Gen 2'], ['Redmi', 'A3', 7999, 'Helio G36'],
  ['Samsung', 'Galaxy M14 5G', 14990, 'Exynos 1330'], ['Samsung', 'Galaxy M34 5G', 18999, 'Exynos 1280'],
  ['Samsung', 'Galaxy F15 5G', 15999, 'Dimensity 6100+'], ['Samsung', 'Galaxy A35 5G', 33999, 'Exynos 1380'],
  ['Samsung', 'Galaxy A55 5G', 42999, 'Exynos 1480'], ['Samsung', 'Galaxy S23 FE', 59999, 'Exynos 2200'],
  ['Samsung', 'Galaxy S24', 79999, 'Exynos 2400'], ['Samsung', 'Galaxy S24 Ultra', 129999, 'Snapdragon 8 Gen 3'],
  ['realme', '12 Pro 5G', 25999, 'Snapdragon 6 Gen 1'], ['realme', '12x 5G', 13999, 'Dimensity 6100+'],
  ['realme', 'Narzo 70 Pro 5G', 21999, 'Dimensity 7050'], ['realme', 'C67 5G', 14999, 'Dimensity 6100+'],
  ['realme', 'GT 6T', 32999, 'Snapdragon 7+ Gen 3'], ['POCO', 'X6 Pro 5G', 26999, 'Dimensity 8300 Ultra'],
  ['POCO', 'M6 Pro 5G', 12999, 'Snapdragon 4 Gen 2'], ['POCO', 'C65', 8999, 'Helio G85'],
  ['POCO', 'F6 5G', 29999, 'Snapdragon 8s Gen 3'], ['Motorola', 'edge 50 Pro 5G', 35999, 'Snapdragon 7 Gen 3'],
  ['Motorola', 'g84 5G', 22999, 'Snapdragon 695'], ['Motorola', 'g54 5G', 15999, 'Dimensity 7020'],
  ['Motorola', 'edge 50 Fusion', 25999, 'Snapdragon 7s Gen 2'], ['vivo', 'T3 5G', 21999, 'Dimensity 7200'],
  ['vivo', 'V30 5G', 37999, 'Snapdragon 7 Gen 3'], ['vivo', 'Y28s 5G', 15999, 'Dimensity 6300'],
  ['vivo', 'T3x 5G', 14999, 'Snapdragon 6 Gen 1'], ['OPPO', 'Reno12 5G', 34999, 'Dimensity 7300'],
  ['OPPO', 'F27 Pro+ 5G', 27999, 'Dimensity 7050'], ['OPPO', 'K12x 5G', 14999, 'Dimensity 6300'],
  ['OnePlus', 'Nord CE4', 24999, 'Snapdragon 7 Gen 3'], ['OnePlus', 'Nord CE4 Lite 5G', 19999, 'Snapdragon 695'],
  ['OnePlus', '12R', 39999, 'Snapdragon 8 Gen 2'], ['OnePlus', '12', 64999, 'Snapdragon 8 Gen 3'],
  ['Apple', 'iPhone 15', 79900, 'A16 Bionic'], ['Apple', 'iPhone 15 Plus', 89900, 'A16 Bionic'],
  ['Apple', 'iPhone 15 Pro', 134900, 'A17 Pro'], ['Apple', 'iPhone 14', 69900, 'A15 Bionic'],
  ['Apple', 'iPhone 13', 59900, 'A15 Bionic'], ['iQOO', 'Z9 5G', 19999, 'Dimensity 7200'],
  ['iQOO', 'Neo 9 Pro', 36999, 'Snapdragon 8 Gen 2'], ['iQOO', 'Z9x 5G', 12999, 'Snapdragon 6 Gen 1'],
  ['Nothing', 'Phone (2a)', 25999, 'Dimensity 7200 Pro'], ['Nothing', 'Phone (2)', 44999, 'Snapdragon 8+ Gen 1'],
  ['Google', 'Pixel 8a', 52999, 'Google Tensor G3'], ['Google', 'Pixel 8', 75999, 'Google Tensor G3'],
];

// [RAM GB, storage GB, price step over the base]
function configs(base: number, apple: boolean): Array<[number, number, number]> {
  if (apple) return [[6, 128, 0], [6, 256, 10000], [6, 512, 30000]];
  if (base < 15000) return [[4, 64, 0], [4, 128, 1000], [6, 128, 2000]];
  if (base < 40000) return [[6, 128, 0], [8, 128, 2000], [8, 256, 4000]];
  return [[8, 256, 0], [12, 256, 6000], [12, 512, 16000]];
}

/** What every listing of one model shares: screen, cameras, battery, radios. */
interface ModelTraits {
  inches: number;
  camera: string;
  front: string;
  battery: number;
  refresh: string;
  bluetooth: string;
}

function traitsOf(random: Random, brand: string, model: string): ModelTraits {
  const apple = brand === 'Apple';
  return {
    inches: apple ? (model.includes('Plus') ? 6.7 : 6.1) : random.pick([6.5, 6.6, 6.67, 6.72, 6.78]),
    camera: apple ? '48MP + 12MP' : random.pick(['50MP + 2MP', '108MP + 8MP + 2MP', '50MP + 8MP', '64MP + 8MP + 2MP', '200MP + 8MP + 2MP']),
    front: random.pick(['8MP', '13MP', '16MP', '32MP']),
    battery: apple ? random.pick([3279, 3349, 4383]) : random.pick([5000, 5000, 5500, 6000]),
    refresh: apple ? '60 Hz' : random.pick(['90 Hz', '120 Hz', '144 Hz']),
    bluetooth: random.pick(['5.1', '5.2', '5.3']),
  };
}

/** Generates `count` phones. */
export const generateMobiles: CategoryGenerator = (random, count) => {
  type Combo = { model: (typeof MODELS)[number]; config: [number, number, number]; colour: (typeof PHONE_COLOURS)[number]; traits: ModelTraits; markup: number };
  const combos: Combo[] = [];
  for (const model of MODELS) {
    const palette = random.sample(PHONE_COLOURS, random.int(2, 4));
    const traits = traitsOf(random, model[0], model[1]);
    // One markup per model, so its listings' prices rise with memory, as shops price them.
    const markup = model[0] === 'Apple' ? 1.05 : random.int(115, 140) / 100;
    for (const config of configs(model[2], model[0] === 'Apple')) {
      for (const colour of palette) combos.push({ model, config, colour, traits, markup });
    }
  }
  // A random share of the combinations is listed: the rest show as unavailable on the product page.
  return takeCombos(random, combos, count).map(({ model: [brand, model, base, chip], config: [ram, storage, step], colour, traits, markup }): ProductDraft => {
    const apple = brand === 'Apple';
    const { inches, camera, front, battery } = traits;
    const ramText = apple ? '' : ` (${ram} GB RAM)`;
    const is5g = model.includes('5G') || apple || base > 20000;
    return {
      title: `${brand} ${model} (${colour.name}, ${storage} GB)${ramText}`,
      brand,
      description: `The ${brand} ${model} pairs a ${inches}-inch display with the ${chip} chip, a ${camera.split(' ')[0]} main camera and a ${battery} mAh battery that lasts a full day of streaming, gaming and calls.`,
      mrpRupees: Math.round((base + step) * markup),
      discount: apple ? [2, 12] : [8, 35],
      highlights: [
        apple ? `${storage} GB ROM` : `${ram} GB RAM | ${storage} GB ROM${storage < 256 ? ' | Expandable Upto 1 TB' : ''}`,
        `${(inches * 2.54).toFixed(2)} cm (${inches} inch) ${apple ? 'Super Retina XDR' : 'Full HD+ AMOLED'} Display`,
        `${camera} | ${front} Front Camera`,
        `${battery} mAh Battery`,
        `${chip} Processor`,
      ],
      specifications: specs({
        General: { 'In The Box': 'Handset, Charging Cable, SIM Ejection Pin, User Manual', 'Model Name': model, Color: colour.name, 'SIM Type': apple ? 'Dual Sim (Nano + eSIM)' : 'Dual Sim', 'Hybrid Sim Slot': apple ? 'No' : 'Yes' },
        'Display Features': { 'Display Size': `${(inches * 2.54).toFixed(2)} cm (${inches} inch)`, Resolution: apple ? '2556 x 1179 Pixels' : '2400 x 1080 Pixels', 'Refresh Rate': traits.refresh },
        'Os & Processor Features': { 'Operating System': apple ? 'iOS 17' : 'Android 14', 'Processor Type': chip },
        'Memory & Storage Features': { 'Internal Storage': `${storage} GB`, RAM: `${ram} GB` },
        'Camera Features': { 'Primary Camera': camera, 'Secondary Camera': front },
        'Connectivity Features': { 'Network Type': is5g ? '5G, 4G VOLTE, 4G, 3G, 2G' : '4G VOLTE, 4G, 3G, 2G', 'Bluetooth Version': traits.bluetooth },
        'Battery & Power Features': { 'Battery Capacity': `${battery} mAh` },
        Warranty: { 'Warranty Summary': '1 Year Manufacturer Warranty for Device and 6 Months for In-Box Accessories' },
      }),
      colours: [colour],
      sizes: [],
      image: { kind: 'phone' },
      bigTicket: true,
      family: { key: `${brand} ${model}`, attributes: [colourAttribute(colour), attribute('Storage', `${storage} GB`), attribute('RAM', `${ram} GB`)] },
    };
  });
};
