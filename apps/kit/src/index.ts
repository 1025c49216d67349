/**
 * The kit: what every app shares, shipped once inside the vendors bundle.
 * Apps import only from "@storefront/kit"; the build refuses deeper imports.
 */
// Tokens and reset first, so that component styles (imported below) come after them in the CSS.
import './styles/base.css';

export { lazyPage, type LazyPage } from './app-frame/lazy-page';
export { AppRoutes, type PageMap } from './app-frame/app-routes';
export { hydrateApp, type HydrateOptions } from './app-frame/hydrate-app';
export { apiRequest, apiPost, type RequestOptions } from './api/api-client';
export { ApiError, messageOf, codeOf, OFFLINE_MESSAGE } from './api/api-error';
export { useApi, type ApiState } from './api/use-api';
export { ApiDataContext } from './api/api-data-context';
export { preloadFirstImages, preloadImages, firstVisibleImages, type PreloadItem } from './api/image-preload';
export { IMAGE_SIZES, photoSrcset, photoUrl, type ImageUse } from '../../../shared/product-images';
export { discountPercent, formatRupees, summarize, FREE_DELIVERY_THRESHOLD, DELIVERY_FEE } from '../../../shared/price';
export { dataPath, matchRoute, type RouteTable, type RouteDef, type AppName } from '../../../shared/route-table';
export type * from '../../../shared/api-types';

export { useHydrated } from './hooks/use-hydrated';
export { useAfterPaint } from './hooks/use-after-paint';
export { afterNextPaint } from './hooks/after-next-paint';
export { isSignedIn } from './hooks/signed-in';
export { useDebouncedValue } from './hooks/use-debounced-value';
export { useOnline } from './hooks/use-online';
export { useCartCount, useCart, publishCart, refreshCart, loadCartOffline, cartWriteCount } from './hooks/cart-count';
export { normalisePinInput, pinProblem, readDeliveryPin, rememberDeliveryPin } from './hooks/delivery-pin';
export { useRecentlyViewed } from './hooks/use-recently-viewed';
export { recordRecentlyViewed, readRecentlyViewed, RECENTLY_VIEWED_MAX } from './hooks/recently-viewed';
export { Button, buttonClassName, type ButtonProps, type ButtonVariant } from './components/Button';
export { Price, type PriceProps } from './components/Price';
export { RatingPill, type RatingPillProps } from './components/RatingPill';
export { Skeleton, type SkeletonProps } from './components/Skeleton';
export { ProductPicture, type ProductPictureProps } from './components/ProductPicture';
export { LeadPictureSlot } from './components/LeadPictureSlot';
export { ProductCard, ProductCardSkeleton, productPath, type ProductCardProps } from './components/ProductCard';
export { ProductGrid, type ProductGridProps } from './components/ProductGrid';
export { EmptyState, type EmptyStateProps, type EmptyArt } from './components/EmptyState';
export { ErrorState, type ErrorStateProps } from './components/ErrorState';
export { Toast, useToast, type ToastProps } from './components/Toast';
export { ShopHeader, type ShopHeaderProps } from './components/ShopHeader';
export { ShopLayout, type ShopLayoutProps } from './components/ShopLayout';
export { Field, type FieldProps } from './components/Field';
export { AddressForm, type AddressFormProps } from './components/AddressForm';
export { PriceDetails, cartTotals, type PriceDetailsProps } from './components/PriceDetails';
export { ORDER_PROGRESS, orderStatusLabel, paymentMethodLabel, paymentStatusLabel, formatOrderDate, formatOrderTime, deliveryWindow, variantLabel } from './orders/order-labels';
export { timelineSteps, type TimelineStep } from './orders/order-timeline';
export { OrderItems, type OrderItemsProps } from './components/OrderItems';
export { DeliverTo, type DeliverToProps } from './components/DeliverTo';
export { addressBody, addressProblems, EMPTY_ADDRESS, type AddressDraft, type AddressField, type AddressProblems } from './forms/address-rules';
export { normaliseMobileInput } from './forms/mobile-input';
export { useDeferUpdates } from './sw-bridge';
export { WishlistHeart, type WishlistHeartProps } from './components/WishlistHeart';
export * from './push';
export { PUSH_TOPICS, isPushTopic } from '../../../shared/push';
export { addToWishlist, removeFromWishlist, toggleWishlist, useWishlisted } from './wishlist/wishlist-store';
export { track } from './telemetry/telemetry';
export { trackCheckout } from './telemetry/checkout-funnel';
export type { TelemetryEventType, CheckoutStep, CheckoutOutcome, EventData } from './telemetry/event-types';
export { enqueue, flushOutbox, forgetOfflineCopies, outboxResult, pendingOps, usePendingOps, useOutboxResults, rememberForOffline, recallForOffline, recallOfflineCopy } from './offline/outbox';
export { findOfflinePages, type OfflinePage } from './offline/offline-pages';
export { applyPending, pendingLineKeys, PENDING_LINE_PREFIX } from './offline/cart-pending';
export { lineKey, type OutboxOp, type OutboxResult, type NewOutboxOp, type OrderOp, type CartOp } from './offline/outbox-ops';
export type { ReplayOutcome } from './offline/outbox-replay';
export { forgetShopper } from './session/forget-shopper';
