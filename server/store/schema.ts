/** The store's tables, composed from each domain's own table definitions. */
import type { AuthTables } from '../auth/tables';
import type { CartTables } from '../cart/tables';
import type { CatalogTables } from '../catalog/tables';
import type { ClusterTables } from '../cluster/tables';
import type { OpsTables } from '../ops/tables';
import type { OrderTables } from '../orders/tables';
import type { PaymentTables } from '../payments/tables';
import type { PushTables } from '../push/tables';
import type { SwTables } from '../pwa/tables';
import type { TelemetryTables } from '../telemetry/tables';
import type { WishlistTables } from '../wishlist/tables';

export interface Database extends CatalogTables, CartTables, TelemetryTables, AuthTables, OpsTables, SwTables, OrderTables, PaymentTables, PushTables, WishlistTables, ClusterTables {}
