/** Cart tables: one cart per browser (guest) or per account, and its lines. */
export interface CartsTable {
  id: string;
  /** SHA-256 of the guest cookie's random token; null once the cart belongs to an account. */
  guest_token_hash: string | null;
  account_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface CartLinesTable {
  id: string;
  cart_id: string;
  product_id: string;
  /** Empty string for products without variants, so (cart, product, variant) can be unique. */
  variant_id: string;
  quantity: number;
  added_at: number;
}

/** An "add to cart" request's `Idempotency-Key`, kept 24 hours: the same key adds once. */
export interface CartRequestKeysTable {
  cart_id: string;
  key: string;
  /** SHA-256 of the request: the same key with another request is refused. */
  request_hash: string;
  created_at: number;
}

export interface CartTables {
  carts: CartsTable;
  cart_lines: CartLinesTable;
  cart_request_keys: CartRequestKeysTable;
}
