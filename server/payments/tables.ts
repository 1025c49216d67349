/** Payment tables (migration 0007): gateway payments, the webhook events already applied, the shop's shared secrets. */
export interface PaymentsTable {
  /** `pay_` and 22 base64url characters: the capability in the hosted page's URL. */
  id: string;
  order_id: string;
  /** The provider's name, e.g. `test-gateway`. */
  provider: string;
  /** `pending`, `paid`, `failed`, `expired`, `cancelled` or `refunded`. */
  status: string;
  amount: number;
  /** The provider's own id of the transaction, once it has one. */
  reference: string | null;
  created_at: number;
  updated_at: number;
  /** A pending payment past this time is abandoned: the sweep cancels its order and returns the stock. */
  expires_at: number;
}

export interface PaymentEventsTable {
  provider: string;
  event_id: string;
  received_at: number;
}

export interface ShopSecretsTable {
  /** e.g. `test-gateway.secret`. */
  name: string;
  value: string;
  created_at: number;
}

export interface PaymentTables {
  payments: PaymentsTable;
  payment_events: PaymentEventsTable;
  shop_secrets: ShopSecretsTable;
}
