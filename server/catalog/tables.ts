/** Catalog tables as the store holds them. JSON columns are text, so both dialects read them alike. */
import type { Generated } from 'kysely';

export interface CategoriesTable {
  slug: string;
  name: string;
  position: number;
}

export interface ProductsTable {
  id: string;
  slug: string;
  title: string;
  brand: string;
  category_slug: string;
  description: string;
  mrp: number;
  price: number;
  discount_percent: number;
  rating: number;
  rating_count: number;
  review_count: number;
  stock: number;
  /** 1 when the shop vouches for quality and fast delivery (the "Assured" badge). */
  assured: number;
  /** Milliseconds since the epoch. */
  created_at: number;
  /** JSON: string[] */
  highlights: string;
  /** JSON: Product['specifications'] */
  specifications: string;
  /** JSON: Product['offers'] */
  offers: string;
  /** JSON: the inputs of the locally generated images, see catalog/images. */
  images: string;
  /** Listings of one model that differ in colour, storage, RAM… share it; null for none. */
  family_id: string | null;
  /** JSON: ListingAttribute[], what sets this listing apart within its family. */
  family_attributes: string;
}

export interface ProductVariantsTable {
  id: string;
  product_id: string;
  color: string;
  color_hex: string;
  /** A listing's sizes (decisions/0010); empty string for a one-size variant of old stores' colours. */
  size: string;
  stock: number;
  position: Generated<number>;
}

/** A shopper's review of a product: stars, a headline and a few words. */
export interface ProductReviewsTable {
  id: string;
  product_id: string;
  /** 1 to 5 stars. */
  rating: number;
  title: string;
  body: string;
  author: string;
  city: string;
  /** Milliseconds since the epoch. */
  created_at: number;
  /** Shoppers who found it helpful. */
  helpful: number;
  /** 1 when the reviewer bought the product from the shop. */
  verified: number;
}

export interface CatalogTables {
  categories: CategoriesTable;
  products: ProductsTable;
  product_variants: ProductVariantsTable;
  product_reviews: ProductReviewsTable;
  catalog_changes: CatalogChangesTable;
  catalog_changes_pruned: CatalogChangesPrunedTable;
}

/** PostgreSQL only (decisions/0018): one row per changed catalog row, written by triggers. */
export interface CatalogChangesTable {
  seq: Generated<number>;
  /** The table that changed: products, product_variants, product_reviews, categories. */
  table_name: string;
  /** The product id (products, variants, reviews) or category slug (categories). */
  key: string;
  /** insert, update, delete, price_stock (an update of prices or stock only) or images (of pictures only). */
  op: string;
  changed_at: Generated<Date>;
}

/** PostgreSQL only: the highest sequence number pruning has removed (one row, id 1). */
export interface CatalogChangesPrunedTable {
  id: number;
  seq: number;
}
