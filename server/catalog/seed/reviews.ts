/**
 * Reviews of the demo catalog: a dozen or so per product, their stars drawn from the product's own
 * rating split, their words from what shoppers say about that kind of product. Each product has its
 * own random stream, so reviews never reshuffle the rest of the catalog.
 */
import type { ProductReviewsTable } from '../tables';
import { starShares } from '../reviews/rating-breakdown';
import { createRandom, type Random } from './random';

const DAY = 24 * 60 * 60 * 1000;

// Flipkart-style headlines, by stars.
const TITLES: Record<number, string[]> = {
  5: ['Just wow!', 'Terrific purchase', 'Worth every penny', 'Simply awesome', 'Classy product', 'Must buy!', 'Fabulous!', 'Best in the market!'],
  4: ['Really nice', 'Very good', 'Value-for-money', 'Good choice', 'Pretty good', 'Nice product', 'Wonderful'],
  3: ['Good', 'Nice', 'Fair', 'Decent product', 'Just okay'],
  2: ['Not good', 'Moderate', 'Could be way better', 'Expected a better product'],
  1: ['Very poor', 'Useless product', 'Worst experience ever!', 'Not recommended at all', 'Did not meet expectations'],
};

// What shoppers talk about, per category: [praise, complaint].
const REMARKS: Record<string, [string[], string[]]> = {
  mobiles: [
    ['Battery easily lasts a full day with heavy use.', 'The display is bright and smooth, videos look great.', 'Camera is excellent in daylight, decent at night.', 'No lag even with many apps open.', 'Charges from 20 to 100 in under an hour.'],
    ['Heats up a little while gaming.', 'Low-light photos are grainy.', 'Too many preinstalled apps.', 'Speaker is not very loud.'],
  ],
  fashion: [
    ['Fabric is soft and the stitching is neat.', 'Fits exactly as per the size chart.', 'Colour is the same as in the pictures.', 'Comfortable for the whole day.'],
    ['Colour faded a little after the first wash.', 'Size runs slightly small, order one size up.', 'Material is thinner than expected.'],
  ],
  electronics: [
    ['Sound quality is clear with good bass.', 'Build quality feels premium.', 'Pairing was instant and the connection is stable.', 'Battery backup is as advertised.'],
    ['The app keeps disconnecting.', 'Gets uncomfortable after a couple of hours.', 'Charging cable is too short.'],
  ],
  'home-furniture': [
    ['Sturdy and looks elegant in the room.', 'Assembly was easy with the included instructions.', 'Finish is smooth and the colour is rich.'],
    ['One screw was missing in the box.', 'Slight scratch on delivery.', 'Smaller than it looks in the photos.'],
  ],
  appliances: [
    ['Installation was done the next day by the technician.', 'Runs quietly and uses little power.', 'Cools and works exactly as expected.'],
    ['Installation took a week to schedule.', 'A bit noisy at full load.', 'The manual is hard to follow.'],
  ],
  beauty: [
    ['Suits my skin with no irritation.', 'Fragrance is mild and lasts long.', 'Shows results within two weeks.', 'Texture is light and not sticky.'],
    ['Did not suit my skin type.', 'The smell is too strong.', 'Packaging leaked a little.'],
  ],
  grocery: [
    ['Fresh stock with a long expiry date.', 'Quality is as good as in the local store.', 'Well packed and delivered on time.'],
    ['The pack was dented on arrival.', 'Expiry was closer than expected.'],
  ],
  books: [
    ['Gripping from the first page.', 'Print and paper quality are good.', 'A must-read, finished it in two days.'],
    ['The cover came slightly bent.', 'Font is too small to read comfortably.'],
  ],
};

const NAMES = ['Rahul Sharma', 'Priya Nair', 'Amit Verma', 'Sneha Reddy', 'Vikram Singh', 'Ananya Iyer', 'Karthik R', 'Pooja Gupta', 'Mohammed Irfan', 'Deepika Joshi', 'Arjun Menon', 'Nisha Patel', 'Sandeep Yadav', 'Kavya Rao', 'Rohit Kumar', 'Meera Pillai', 'Harpreet Kaur', 'Suresh Babu', 'Aditi Kulkarni', 'Flipkart Customer'];
const CITIES = ['Bengaluru', 'Mumbai', 'New Delhi', 'Hyderabad', 'Chennai', 'Kolkata', 'Pune', 'Ahmedabad', 'Jaipur', 'Lucknow', 'Kochi', 'Indore', 'Bhopal', 'Patna', 'Guwahati', 'Coimbatore'];

/** The stars of one review, drawn from the product's rating split. */
function drawStars(random: Random, shares: readonly number[]): number {
  let at = random.next();
  for (let i = 0; i < shares.length; i++) {
    at -= shares[i]!;
    if (at < 0) return 5 - i;
  }
  return 1;
}

function body(random: Random, category: string, stars: number): string {
  const [good, bad] = REMARKS[category] ?? REMARKS.electronics!;
  if (stars >= 4) return random.sample(good, 2).join(' ');
  if (stars === 3) return `${random.pick(good)} ${random.pick(bad)}`;
  return random.sample(bad, Math.min(2, bad.length)).join(' ');
}

/** The reviews of one product (the seed keeps their number as the product's review count). */
export function makeReviews(product: { id: string; category_slug: string; rating: number; rating_count: number; created_at: number }, until: number): ProductReviewsTable[] {
  const random = createRandom(`storefront-lite/reviews/${product.id}`);
  const count = Math.min(product.rating_count, random.int(4, 18));
  const shares = starShares(product.rating);
  return Array.from({ length: count }, (_, n) => {
    const stars = drawStars(random, shares);
    return {
      id: `${product.id}-r${n}`,
      product_id: product.id,
      rating: stars,
      title: random.pick(TITLES[stars]!),
      body: body(random, product.category_slug, stars),
      author: random.pick(NAMES),
      city: random.pick(CITIES),
      // After the listing went up, and not after the seed's "today".
      created_at: Math.min(until, product.created_at + random.int(1, 300) * DAY),
      helpful: Math.round(random.next() ** 3 * 400),
      verified: random.chance(0.85) ? 1 : 0,
    };
  });
}
