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
  /** Same-origin URL of the image (no external hosts): the smallest WebP of a photo, or a drawing. */
  url: string;
  alt: string;
  /** Set once the image is a processed photo; `shared/product-images.ts` turns it into `srcset`s. */
  photo?: Photo;
}

/** A processed product photo: AVIF and WebP at `widths`, content-addressed under `/img/v1/<key>/`. */
export interface Photo {
  /** Content address of the processed original (hex). */
  key: string;
  /** Size of the original in pixels (its aspect ratio). */
  width: number;
  height: number;
  /** Widths it is encoded at, ascending; never wider than the original. */
  widths: number[];
  /** A tiny blurred WebP as a `data:` URL, shown until the photo arrives. */
  placeholder: string;
}

export interface Offer {
  kind: 'bank' | 'partner' | 'emi' | 'exchange' | 'coupon';
  title: string;
  detail: string;
}

export interface Variant {
  id: string;
  color: string;
  /** CSS colour of the swatch, `#rrggbb`: the shade in the product's photo when one shows it. */
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

/** `POST /api/account/addresses` (201) and `PATCH /api/account/addresses/:id`. */
export interface AddressAnswer {
  address: Address;
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

// ── Checkout and orders (server/orders/README.md) ───────────────────────────────────────────────

/** Where an order is; every change is a row in its timeline. */
export type OrderStatus = 'placed' | 'packed' | 'shipped' | 'out_for_delivery' | 'delivered' | 'cancelled';

export type PaymentMethod = 'cod' | 'test-gateway';

/**
 * `due`: cash on delivery, collected when delivered. `pending`: waiting for the gateway (stock is
 * reserved until it expires). `paid`, `failed`, `expired`, `cancelled` (order cancelled before
 * payment), `refunded` (a paid order cancelled).
 */
export type PaymentStatus = 'due' | 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled' | 'refunded';

/** One line of `POST /api/orders`: what the shopper confirmed, at the price they saw. */
export interface OrderLineRequest {
  productId: string;
  /** `''` for a product without variants. */
  variantId: string;
  quantity: number;
  /** Paise; must equal today's price or the order is refused with `price-changed`. */
  unitPrice: number;
}

/** Body of `POST /api/orders` (header `Idempotency-Key` required). */
export interface PlaceOrderRequest {
  addressId: string;
  paymentMethod: PaymentMethod;
  lines: OrderLineRequest[];
}

/** Body of `POST /api/checkout/summary`; without `lines`, the account's cart is priced. */
export interface CheckoutSummaryRequest {
  addressId: string;
  lines?: Array<{ productId: string; variantId: string; quantity: number; unitPrice?: number }>;
}

/** Totals of a summary or an order, in paise: total = mrp − discount − offers + deliveryFee. */
export interface OrderTotals {
  itemCount: number;
  mrp: number;
  discount: number;
  offers: number;
  deliveryFee: number;
  total: number;
}

/** An order-level offer that applied, and how much it took off. */
export interface AppliedOffer {
  id: string;
  title: string;
  amount: number;
}

/** When an order to a PIN code arrives: dates are `YYYY-MM-DD` in India Standard Time. */
export interface DeliveryEstimate {
  pin: string;
  zone: 'local' | 'metro' | 'regional' | 'national' | 'remote';
  minDays: number;
  maxDays: number;
  from: string;
  to: string;
}

/**
 * `GET /api/delivery/quote?pin=…&productId=…`: when one unit of a listing reaches a PIN code and
 * what delivery costs, by the rules checkout uses. Amounts in paise; a PIN code couriers do not
 * reach answers `serviceable: false` with a reason a person can read.
 */
export type DeliveryQuote =
  | { pin: string; serviceable: true; delivery: DeliveryEstimate; fee: number; freeDeliveryThreshold: number }
  | { pin: string; serviceable: false; reason: string };

/** Colour and size of the variant a line is for (null for products without variants). */
export interface LineVariant {
  color: string;
  size: string | null;
}

/** A line of the checkout summary, priced from the catalog now. */
export interface CheckoutLine {
  productId: string;
  variantId: string;
  title: string;
  image: ProductImage;
  variant: LineVariant | null;
  quantity: number;
  unitPrice: number;
  /** MRP of one unit. */
  mrp: number;
  lineTotal: number;
  /** False when fewer than `quantity` units are left. */
  inStock: boolean;
  /** Present when the price or stock differs from what the client sent. */
  changed?: { price?: { was: number; now: number }; stock?: { wanted: number; available: number } };
}

/** `POST /api/checkout/summary`. */
export interface CheckoutSummary {
  address: Address;
  lines: CheckoutLine[];
  totals: OrderTotals;
  offers: AppliedOffer[];
  delivery: DeliveryEstimate;
  /** True when any line has `changed`: show the changes and ask the shopper to confirm again. */
  changed: boolean;
  /** True when every line is in stock, so an order with these lines and prices can be placed. */
  canPlace: boolean;
}

/** The delivery address as it was when the order was placed. */
export type OrderAddress = Omit<Address, 'id' | 'isDefault'>;

export interface OrderLine {
  productId: string;
  variantId: string;
  title: string;
  image: ProductImage;
  variant: LineVariant | null;
  quantity: number;
  unitPrice: number;
  mrp: number;
  lineTotal: number;
}

export interface OrderPayment {
  method: PaymentMethod;
  status: PaymentStatus;
  amount: number;
  /** While a gateway payment is pending: the hosted payment page to send the shopper to. */
  redirectUrl?: string;
  /** While pending: when the reservation lapses and the order is cancelled (ISO 8601). */
  expiresAt?: string;
}

export interface OrderTimelineEntry {
  status: OrderStatus;
  note: string;
  /** ISO 8601. */
  at: string;
}

/** `POST /api/orders` (201), `GET /api/orders/:orderId`: `{order: Order}`. */
export interface Order {
  id: string;
  status: OrderStatus;
  lines: OrderLine[];
  address: OrderAddress;
  payment: OrderPayment;
  totals: OrderTotals;
  offers: AppliedOffer[];
  delivery: DeliveryEstimate;
  /** Oldest first. */
  timeline: OrderTimelineEntry[];
  /** True while the shopper may still cancel (placed or packed). */
  canCancel: boolean;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** An order in the list: enough for a row with pictures. */
export interface OrderSummary {
  id: string;
  status: OrderStatus;
  payment: { method: PaymentMethod; status: PaymentStatus };
  itemCount: number;
  total: number;
  lines: Array<Pick<OrderLine, 'productId' | 'variantId' | 'title' | 'image' | 'variant' | 'quantity'>>;
  createdAt: string;
}

/** `GET /api/orders?cursor=…&limit=…`: newest first; `nextCursor` is null on the last page. */
export interface OrderList {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/** What a shopper can be told about by push; each device chooses its own. */
export type PushTopic = 'price_drop' | 'back_in_stock' | 'order_updates' | 'offers';

/** `GET /api/push/key`: the shop's VAPID public key, for `pushManager.subscribe`. */
export interface PushKey {
  /** Base64url, uncompressed P-256 point. */
  publicKey: string;
}

/**
 * `POST /api/push/subscriptions`: a `PushSubscription` as `toJSON()` gives it, plus the topics.
 * `categories` (recently viewed categories) and `wishlist` (a guest's wishlisted product ids)
 * let segments and price drops reach devices whose shopper has not signed in.
 */
export interface PushSubscriptionBody {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
  topics: PushTopic[];
  categories?: string[];
  wishlist?: string[];
}

/** One device that gets the shopper's notifications. */
export interface PushDevice {
  id: string;
  /** "Chrome on Android". */
  label: string;
  topics: PushTopic[];
  /** True for the device that asked. */
  current: boolean;
  createdAt: number;
}

/** `GET /api/push/subscriptions`: this device and, once signed in, every device of the account. */
export interface PushDeviceList {
  devices: PushDevice[];
}

/** `GET /api/wishlist`: the signed-in shopper's wishlist, newest first. */
export interface Wishlist {
  products: ProductSummary[];
}

/** `POST /ops/api/push/campaigns`. */
export interface PushCampaignBody {
  title: string;
  body: string;
  url: string;
  /** Who may get it by their choice of topics; `offers` by default. */
  topic?: PushTopic;
  segment?: PushSegment;
}

/** Narrows a campaign to devices whose shopper viewed a category, or has (or has not) an account. */
export interface PushSegment {
  categoryViewed?: string;
  hasAccount?: boolean;
}

/** Counts of a finished campaign. */
export interface PushCampaignCounts {
  /** Devices in the segment with the topic on. */
  targeted: number;
  delivered: number;
  /** Left out by the per-shopper frequency cap. */
  capped: number;
  /** 404/410: the subscription was gone and is deleted. */
  gone: number;
  failed: number;
}

/** A campaign as the ops API answers it. */
export interface PushCampaign {
  id: string;
  title: string;
  body: string;
  url: string;
  topic: PushTopic;
  segment: PushSegment;
  status: 'scheduled' | 'sending' | 'sent' | 'failed';
  createdAt: number;
  /** When it starts: now, or the end of quiet hours. */
  sendAt: number;
  finishedAt: number | null;
  counts: PushCampaignCounts | null;
}
