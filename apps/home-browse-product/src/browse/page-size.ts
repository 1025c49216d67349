/** Products per page on browse and search pages (also in the browse route's data path). */
export const BROWSE_PAGE_SIZE = 24;
