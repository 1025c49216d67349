/** The wishlist of each account: products the shopper keeps an eye on. */
export interface WishlistItemsTable {
  account_id: string;
  product_id: string;
  added_at: number;
}

export interface WishlistTables {
  wishlist_items: WishlistItemsTable;
}
