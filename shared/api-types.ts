/**
 * Wire types of the shop's JSON API, shared by the server and every app.
 * Money is always an integer number of paise (1 rupee = 100 paise).
 */

export interface Category {
  slug: string;
  name: string;
  productCount: number;
}

export interface ProductImage {
  /** Same-origin URL of the image (no external hosts). */
  url: string;
  alt: string;
}

export interface Offer {
  kind: 'bank' | 'partner' | 'emi' | 'exchange' | 'coupon';
  title: string;
  detail: string;
}

export interface Variant {
  id: string;
  color: string;
  /** CSS colour of the swatch, `#rrggbb`. */
  colorHex: string;
  size: string | null;
  stock: number;
}

/**
 * What tells a listing apart from the other listings of its family: "Colour: Ocean Teal",
 * "Storage: 256 GB". Colours (and shades) carry the swatch to draw.
 */
export interface ListingAttribute {
  name: string;
  value: string;
  /** CSS colour `#rrggbb` of a colour or shade. */
  swatch?: string;
}

/** One listing of a family, as the product page's selectors need it. */
export interface FamilyMember {
  id: string;
  slug: string;
  title: string;
  price: number;
  mrp: number;
  inStock: boolean;
  attributes: ListingAttribute[];
}

/**
 * Listings of one model that differ in colour, storage, RAM, pack size…: each its own product with
 * its own URL, price and stock (decisions/0010). `axes` are the attribute names with more than one
 * value in the family, in the order the page shows their selectors.
 */
export interface ProductFamily {
  id: string;
  axes: string[];
  members: FamilyMember[];
}

/** What a grid, a search result or the cart needs of a product. */
export interface ProductSummary {
  id: string;
  slug: string;
  title: string;
  brand: string;
  categorySlug: string;
  mrp: number;
  price: number;
  discountPercent: number;
  rating: number;
  ratingCount: number;
  image: ProductImage;
  inStock: boolean;
  assured: boolean;
}

export interface Product extends ProductSummary {
  description: string;
  highlights: string[];
  images: ProductImage[];
  variants: Variant[];
  offers: Offer[];
  specifications: Array<{ group: string; items: Array<{ name: string; value: string }> }>;
  reviewCount: number;
  stock: number;
  createdAt: string;
  /** This listing's own colour, storage, RAM… (empty for a product of no family). */
  attributes: ListingAttribute[];
  /** The other listings of its model, or null when it has none. */
  family: ProductFamily | null;
}

/** A shopper's review of a product. */
export interface Review {
  id: string;
  /** 1 to 5 stars. */
  rating: number;
  title: string;
  body: string;
  author: string;
  city: string;
  createdAt: string;
  /** Shoppers who found it helpful. */
  helpful: number;
  /** The reviewer bought the product from the shop. */
  verified: boolean;
}

export type ReviewSort = 'helpful' | 'newest' | 'positive' | 'negative';

/** `GET /api/catalog/products/:id/reviews`: the ratings split and one page of reviews. */
export interface ReviewsPage {
  productId: string;
  rating: number;
  ratingCount: number;
  reviewCount: number;
  /** Ratings per star, 5★ first; the counts add up to `ratingCount`. */
  breakdown: Array<{ stars: 1 | 2 | 3 | 4 | 5; count: number }>;
  sort: ReviewSort;
  page: number;
  pageSize: number;
  total: number;
  reviews: Review[];
}

export type SortKey = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'rating';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facets {
  brand: FacetValue[];
  price: FacetValue[];
  rating: FacetValue[];
  discount: FacetValue[];
}

export interface BrowseResult {
  category: Category;
  products: ProductSummary[];
  facets: Facets;
  sort: SortKey;
  page: number;
  pageSize: number;
  total: number;
}

export interface SearchResult {
  /** The text asked for; empty when only filters were (every product under them). */
  query: string;
  /** The text searched instead when the asked one found nothing ("iphnoe" → "iphone"), else null. */
  correctedQuery: string | null;
  products: ProductSummary[];
  /** The same facets as a category page, over every match, each counted under the other filters. */
  facets: Facets;
  sort: SortKey;
  page: number;
  pageSize: number;
  total: number;
}

export interface Suggestion {
  text: string;
  /** Set when the suggestion is "<text> in <category>". */
  category?: { slug: string; name: string };
}

export interface SuggestResult {
  query: string;
  suggestions: Suggestion[];
  products: ProductSummary[];
}

export interface HomeResult {
  categories: Category[];
  deals: ProductSummary[];
  topRated: ProductSummary[];
}

export interface CartLine {
  id: string;
  product: ProductSummary;
  variant: Variant | null;
  quantity: number;
  /** Price of one unit and of the line, at today's prices. */
  unitPrice: number;
  unitMrp: number;
  lineTotal: number;
}

export interface PriceSummary {
  itemCount: number;
  mrpTotal: number;
  discount: number;
  deliveryFee: number;
  total: number;
  savings: number;
}

export interface Cart {
  lines: CartLine[];
  summary: PriceSummary;
}

/** A shopper's account as `/api/account/me` and the login answers show it. */
export interface Account {
  id: string;
  mobile: string;
  mobileMasked: string;
  name: string | null;
  email: string | null;
  /** A password turns on 2-step verification (OTP, then password). */
  hasPassword: boolean;
  createdAt: number;
}

/** A saved delivery address, in the Indian format. */
export interface Address {
  id: string;
  name: string;
  /** 10 digits, starting 6–9. */
  phone: string;
  /** 6-digit PIN code, not starting with 0. */
  pin: string;
  line1: string;
  line2: string | null;
  landmark: string | null;
  city: string;
  state: string;
  type: 'home' | 'work';
  isDefault: boolean;
}

/** `{account}`: what `/api/account/me`, profile and password changes answer. */
export interface AccountAnswer {
  account: Account;
}

/** `GET /api/account/addresses`: the saved addresses, default first. */
export interface AddressList {
  addresses: Address[];
}

/** `GET /api/account/states`: the states and union territories an address may name. */
export interface StateList {
  states: string[];
}

/** The answer of every request that texts a code. */
export interface OtpSent {
  otpSent: true;
  resendAfterSec: number;
  expiresInSec: number;
  /** The number the code went to, as "+91******3210". */
  mobileMasked: string;
}

/** The answer of a login step: signed in, or a password still to give (2-step verification). */
export type LoginAnswer =
  | { status: 'signed-up' | 'logged-in'; account: Account }
  | { status: 'password-required'; expiresInSec: number };

/** Every error answer of the API has this shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
