/** The store's tables, composed from each domain's own table definitions. */
import type { CartTables } from '../cart/tables';
import type { CatalogTables } from '../catalog/tables';

export interface Database extends CatalogTables, CartTables {}
