/** Every migration, in order. Names sort in the order they apply. */
import type { Migration } from 'kysely';
import * as catalog from './0001-catalog';
import * as cart from './0002-cart';
import * as telemetry from './0003-telemetry';
import * as accounts from './0004-accounts';
import * as dashboards from './0005-dashboards';
import * as swSwitch from './0006-sw-switch';
import * as orders from './0007-orders';
import * as productFamilies from './0008-product-families';
import * as productReviews from './0009-product-reviews';
import * as otpPerBrowser from './0010-otp-per-browser';
import * as guestCartExpiry from './0011-guest-cart-expiry';
import * as push from './0012-push';
import * as cartRequestKeys from './0013-cart-request-keys';
import * as catalogChanges from './0014-catalog-changes';
import * as sharedState from './0015-shared-state';
import * as pictureChanges from './0016-picture-changes';

export const migrations: Record<string, Migration> = {
  '0001-catalog': catalog,
  '0002-cart': cart,
  '0003-telemetry': telemetry,
  '0004-accounts': accounts,
  '0005-dashboards': dashboards,
  '0006-sw-switch': swSwitch,
  '0007-orders': orders,
  '0008-product-families': productFamilies,
  '0009-product-reviews': productReviews,
  '0010-otp-per-browser': otpPerBrowser,
  '0011-guest-cart-expiry': guestCartExpiry,
  '0012-push': push,
  '0013-cart-request-keys': cartRequestKeys,
  '0014-catalog-changes': catalogChanges,
  '0015-shared-state': sharedState,
  '0016-picture-changes': pictureChanges,
};
