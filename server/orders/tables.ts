/** Order tables (migration 0007): orders with their lines and timeline, and the idempotency keys of order requests. */
export interface OrdersTable {
  /** `OD` and 18 digits. */
  id: string;
  account_id: string;
  /** An `OrderStatus`. */
  status: string;
  /** A `PaymentMethod`. */
  payment_method: string;
  /** A `PaymentStatus`. */
  payment_status: string;
  /** JSON: the `OrderAddress` as it was when the order was placed. */
  address: string;
  /** JSON: `OrderTotals`. */
  totals: string;
  /** JSON: `AppliedOffer[]`. */
  offers: string;
  /** JSON: the `DeliveryEstimate` given when the order was placed. */
  delivery: string;
  item_count: number;
  total: number;
  created_at: number;
  updated_at: number;
}

export interface OrderLinesTable {
  order_id: string;
  position: number;
  product_id: string;
  /** `''` for a product without variants. */
  variant_id: string;
  title: string;
  /** JSON: `ProductImage`. */
  image: string;
  /** JSON: `LineVariant`, or null. */
  variant: string | null;
  quantity: number;
  unit_price: number;
  unit_mrp: number;
  line_total: number;
}

export interface OrderTimelineTable {
  order_id: string;
  /** 1, 2, 3… in the order the changes happened. */
  seq: number;
  /** The order's status after the change. */
  status: string;
  note: string;
  at: number;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  /** SHA-256 of the request (method, path and normalised body): the same key with another body is refused. */
  request_hash: string;
  /** `running` while the first request works, `done` once its answer is stored. */
  state: string;
  /** Random id of the request holding a running claim; only it may complete or release it. */
  owner: string;
  status_code: number | null;
  /** The answer's exact body, replayed byte for byte. */
  response: string | null;
  /** When the running claim was taken; a claim older than the lease belongs to a request that died. */
  locked_at: number;
  created_at: number;
  expires_at: number;
}

export interface OrderTables {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_timeline: OrderTimelineTable;
  idempotency_keys: IdempotencyKeysTable;
}
