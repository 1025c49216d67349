/** Grocery: staples, snacks, beverages and household supplies in their usual pack sizes. */
import { attribute, specs, takeCombos, type CategoryGenerator, type ProductDraft } from './draft';

// [brand, product, pack sizes with rupee prices, type, pack colour]
const ITEMS: ReadonlyArray<[string, string, Array<[string, number]>, string, string]> = [
  ['Aashirvaad', 'Shudh Chakki Atta', [['5 kg', 285], ['10 kg', 545]], 'Atta & Flours', '#d8a53a'],
  ['Fortune', 'Sunlite Refined Sunflower Oil', [['1 L', 165], ['5 L', 799]], 'Edible Oils', '#f0cf3c'],
  ['Saffola', 'Gold Refined Cooking Oil', [['1 L', 199], ['5 L', 945]], 'Edible Oils', '#e8732f'],
  ['Tata Salt', 'Vacuum Evaporated Iodised Salt', [['1 kg', 28]], 'Salt & Sugar', '#2f6fd8'],
  ['India Gate', 'Classic Basmati Rice', [['1 kg', 199], ['5 kg', 899]], 'Rice', '#7a1f2b'],
  ['Daawat', 'Rozana Super Basmati Rice', [['5 kg', 499]], 'Rice', '#c8302f'],
  ['Tata Tea', 'Gold Leaf Tea', [['250 g', 155], ['500 g', 305], ['1 kg', 599]], 'Tea', '#a3162a'],
  ['Nescafé', 'Classic Instant Coffee', [['50 g', 185], ['100 g', 355]], 'Coffee', '#5a2f22'],
  ['Maggi', '2-Minute Masala Instant Noodles', [['70 g (Pack of 4)', 56], ['70 g (Pack of 12)', 168]], 'Noodles', '#f0cf3c'],
  ["Haldiram's", 'Aloo Bhujia', [['200 g', 55], ['400 g', 105], ['1 kg', 240]], 'Snacks', '#f28a3b'],
  ['Cadbury', 'Dairy Milk Silk Chocolate Bar', [['60 g', 80], ['150 g', 185]], 'Chocolates', '#6e1f8a'],
  ['Britannia', 'Good Day Cashew Cookies', [['200 g', 40], ['600 g', 120]], 'Biscuits', '#e8b43a'],
  ['Parle', 'Parle-G Gold Biscuits', [['1 kg', 140]], 'Biscuits', '#f0cf3c'],
  ['Amul', 'Pure Ghee', [['500 ml', 310], ['1 L', 610]], 'Ghee', '#2f6fd8'],
  ['Tata Sampann', 'Unpolished Toor Dal', [['1 kg', 189]], 'Dals & Pulses', '#8a6a2f'],
  ['MDH', 'Deggi Mirch', [['100 g', 88], ['500 g', 420]], 'Masalas & Spices', '#c8302f'],
  ['Everest', 'Kitchen King Masala', [['100 g', 82]], 'Masalas & Spices', '#2f8a57'],
  ['Surf Excel', 'Easy Wash Detergent Powder', [['1.5 kg', 215], ['4 kg', 540]], 'Detergents', '#2f6fd8'],
  ['Vim', 'Dishwash Liquid Gel Lemon', [['500 ml', 115], ['2 L', 399]], 'Cleaning Supplies', '#8ac83a'],
  ['Dettol', 'Original Liquid Handwash Refill', [['750 ml', 99], ['1.5 L', 189]], 'Personal Hygiene', '#2f8a57'],
  ['Real', 'Fruit Power Mixed Fruit Juice', [['1 L', 120]], 'Juices', '#e8604c'],
  ['Bru', 'Instant Coffee', [['100 g', 190], ['200 g', 370]], 'Coffee', '#c8302f'],
  ['Lay’s', "India's Magic Masala Potato Chips", [['52 g', 20], ['90 g', 40]], 'Snacks', '#2f6fd8'],
  ['Kissan', 'Fresh Tomato Ketchup', [['950 g', 135]], 'Sauces & Spreads', '#c8302f'],
  ['Patanjali', 'Cow Ghee', [['1 L', 640]], 'Ghee', '#e8b43a'],
  ['Ariel', 'Matic Liquid Detergent Front Load', [['1 L', 235], ['2 L', 449]], 'Detergents', '#2f8a57'],
  ['Colgate', 'Strong Teeth Toothpaste', [['200 g', 110], ['500 g', 255]], 'Personal Hygiene', '#c8302f'],
  ['Tata Sampann', 'Chana Dal', [['1 kg', 125]], 'Dals & Pulses', '#8a6a2f'],
  ['Kellogg’s', 'Corn Flakes Original', [['475 g', 185], ['875 g', 325]], 'Breakfast Cereals', '#d83a2f'],
];

/** Generates `count` grocery packs; each pack size is its own listing, a product's packs one family. */
export const generateGrocery: CategoryGenerator = (random, count) => {
  const combos = ITEMS.flatMap(([brand, name, packs, type, hex]) =>
    packs.flatMap(([pack, price]) => [1, 2, 3, 4].map((multiple) => ({ brand, name, pack, price, type, hex, multiple }))),
  );
  return takeCombos(random, combos, count).map(({ brand, name, pack, price, type, hex, multiple }): ProductDraft => {
    const quantity = multiple > 1 ? `${pack} (Pack of ${multiple})` : pack;
    return {
      title: `${brand} ${name} (${quantity})`,
      brand,
      description: `${brand} ${name.toLowerCase()}, ${quantity}. Sourced and packed hygienically; best before 9 months from packaging.`,
      mrpRupees: price * multiple,
      discount: multiple > 1 ? [8, 25] : [0, 18],
      highlights: [`Quantity: ${quantity}`, `Type: ${type}`, random.pick(['Vegetarian', 'Vegetarian', 'Vegan']), 'Shelf life: 9 Months'],
      specifications: specs({
        General: { Brand: brand, 'Model Name': name, Quantity: quantity, Type: type, 'Food Preference': 'Vegetarian' },
        'Storage Instructions': { 'Storage': 'Store in a cool, dry place away from direct sunlight' },
        'Legal Information': { 'FSSAI License': String(random.int(10_000_000, 99_999_999)) + String(random.int(100_000, 999_999)), 'Country of Origin': 'India' },
      }),
      colours: [{ name: 'Standard', hex }],
      sizes: [],
      image: { kind: 'pack', label: brand, sublabel: name.split(' ').slice(0, 3).join(' ') },
      family: { key: `${brand} ${name}`, attributes: [attribute('Quantity', pack), attribute('Pack', multiple > 1 ? `Pack of ${multiple}` : 'Single')] },
    };
  });
};
