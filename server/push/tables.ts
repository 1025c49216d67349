/** Push tables: the shop's VAPID keys, one subscription per device, what was last seen of wishlisted products, campaigns. */
export interface PushVapidKeysTable {
  /** Always `current`: one key pair per shop, shared by every server on the store. */
  id: string;
  public_key: string;
  private_key: string;
  created_at: number;
}

export interface PushSubscriptionsTable {
  id: string;
  /** The push service's URL for this device; unique, as a device has one per origin. */
  endpoint: string;
  p256dh: string;
  auth: string;
  /** Set once the device's shopper signs in (or subscribes while signed in). */
  account_id: string | null;
  /** SHA-256 of the device cookie's random token, so a later login can claim the subscription. */
  device_hash: string | null;
  /** Comma-separated topics, sorted (see PUSH_TOPICS). */
  topics: string;
  /** Comma-separated category slugs the device viewed, most recent first, for segments. */
  categories: string;
  /** "Chrome on Android": what the notifications page calls this device. */
  label: string;
  created_at: number;
  updated_at: number;
}

export interface PushDeviceProductsTable {
  /** A guest's wishlisted product, mirrored from the browser so price drops can reach the device. */
  subscription_id: string;
  product_id: string;
}

export interface PushProductWatchTable {
  /** A wishlisted product, with its price and availability when the shop last looked. */
  product_id: string;
  price: number;
  in_stock: number;
  updated_at: number;
}

export interface PushOrderNoticesTable {
  /** An order timeline row (order, seq) that a push was sent for, by whichever server claimed it. */
  order_id: string;
  seq: number;
  sent_at: number;
}

export interface PushCampaignsTable {
  id: string;
  title: string;
  body: string;
  url: string;
  topic: string;
  /** JSON: CampaignSegment. */
  segment: string;
  /** scheduled → sending → sent (or failed). */
  status: string;
  created_at: number;
  /** When it may start (the end of quiet hours, or its creation). */
  send_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** JSON: CampaignCounts, filled in when it finishes. */
  counts: string | null;
}

export interface PushCampaignRecipientsTable {
  campaign_id: string;
  /** `a:<account id>` or `d:<subscription id>`: who the frequency cap counts. */
  shopper: string;
  sent_at: number;
}

export interface PushTables {
  push_vapid_keys: PushVapidKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  push_device_products: PushDeviceProductsTable;
  push_product_watch: PushProductWatchTable;
  push_order_notices: PushOrderNoticesTable;
  push_campaigns: PushCampaignsTable;
  push_campaign_recipients: PushCampaignRecipientsTable;
}
