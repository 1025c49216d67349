/** Product page: gallery, price, family selectors and sizes, offers, specifications and the buy bar. */
import {
  afterNextPaint,
  ApiError,
  buttonClassName,
  EmptyState,
  enqueue,
  ErrorState,
  flushOutbox,
  noteProductView,
  outboxResult,
  Price,
  RatingPill,
  recordRecentlyViewed,
  LeadPictureSlot,
  Skeleton,
  Toast,
  track,
  useApi,
  useHydrated,
  useToast,
  WishlistHeart,
  type Product,
  type ProductSummary,
} from '@storefront/kit';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BuyBar } from '../components/BuyBar';
import { DeliveryCheck } from '../components/DeliveryCheck';
import { FamilySelectors } from '../components/FamilySelectors';
import { Gallery } from '../components/Gallery';
import { ProductDetails } from '../components/ProductDetails';
import { ProductReviews } from '../components/ProductReviews';
import { SimilarProducts } from '../components/SimilarProducts';
import { RecentlyViewed } from '../components/RecentlyViewed';
import { VariantPicker } from '../components/VariantPicker';
import { routeDataPath } from '../route-data';
import { chooseColor, imageIndexForColor, initialChoice, variantFor, type Choice } from '../product/variant-choice';
import './product.css';

// Picking a variant re-renders the product view inside the tap's event (the slowest part of that
// interaction at 4× CPU); these parts depend on the product only, so they are skipped.
const Delivery = memo(DeliveryCheck);
const Details = memo(ProductDetails);
const Reviews = memo(ProductReviews);
const Similar = memo(SimilarProducts);
// The gallery and the family's links depend on the product and the colour, not on the size picked or
// on the toast: skipped too.
const Pictures = memo(Gallery);
const Family = memo(FamilySelectors);
const Heart = memo(WishlistHeart);

/** What the loading page's (disabled) buy bar would do: nothing. */
const idle = (): Promise<void> => Promise.resolve();

/** Errors that mean "no such product" rather than "try again". */
function isMissing(error: ApiError): boolean {
  return error.code === 'product-not-found' || error.code === 'bad-request' || error.status === 404;
}

/** What the cart shows of a product: a queued add keeps only this, not the whole page's data. */
function summaryOf(product: Product): ProductSummary {
  const { id, slug, title, brand, categorySlug, mrp, price, discountPercent, rating, ratingCount, image, inStock, assured } = product;
  return { id, slug, title, brand, categorySlug, mrp, price, discountPercent, rating, ratingCount, image, inStock, assured };
}

/** The loading layout: the same gallery and title boxes as the loaded page. */
function ProductSkeleton(): React.ReactNode {
  return (
    <div className="product" aria-busy="true">
      <div className="product-media card">
        <div className="product-gallery-sk">
          <Skeleton width="70%" height="80%" />
          {/* Where the gallery's first picture will be: the server may show it here before the scripts run. */}
          <LeadPictureSlot className="product-lead" />
        </div>
      </div>
      <div className="product-info card">
        <Skeleton width="30%" height={14} />
        <Skeleton height={18} className="product-sk-gap" />
        <Skeleton width="60%" height={18} className="product-sk-gap" />
        <Skeleton width={110} height={20} className="product-sk-gap" />
        <Skeleton width="50%" height={32} className="product-sk-gap" />
      </div>
    </div>
  );
}

/** One product with its size choice; the page below fetches it after mount. `loadingSibling`: another listing of its family is loading. */
function ProductView({ product, loadingSibling = false }: { product: Product; loadingSibling?: boolean }): React.ReactNode {
  const [choice, setChoice] = useState<Choice>(() => initialChoice(product.variants));
  const toast = useToast();
  const variant = variantFor(product.variants, choice);
  const hasVariants = product.variants.length > 0;
  const inStock = hasVariants ? (variant?.stock ?? 0) > 0 : product.stock > 0;

  useEffect(() => {
    document.title = `${product.title} · Storefront`;
    recordRecentlyViewed(product.id);
    noteProductView(product);
  }, [product]);

  // Stable for the memoized buy bar: a tap renders the bar (its own busy state), not this view.
  const showToast = toast.show;
  const addToCart = useCallback(async (): Promise<boolean> => {
    try {
      // The tap paints the busy buy bar first; the outbox's IndexedDB writes, its worker message and
      // the request come after that paint instead of standing between the tap and it (decisions/0031).
      await afterNextPaint();
      // Queued first (with its own idempotency key), so an add made offline is kept and sent later.
      const op = await enqueue({ kind: 'cart-add', productId: product.id, variantId: variant?.id ?? '', quantity: 1, product: summaryOf(product), variant: variant ?? null });
      await flushOutbox();
      const result = outboxResult(op.key);
      if (result && !result.ok) {
        // 409 (out of stock) and 400 (variant required) carry a message written for shoppers.
        showToast(result.error?.message ?? 'Could not add to cart. Please try again.');
        return false;
      }
      track('CHECKOUT_STEP', { step: 'add-to-cart', productId: product.id, ...(result ? {} : { outcome: 'queued' }) });
      showToast(result ? 'Added to cart' : navigator.onLine ? 'Added to cart. Saving it to your account…' : 'Added to cart. It will sync when you’re back online.');
      return true;
    } catch {
      showToast('Could not add to cart. Please try again.');
      return false;
    }
  }, [product, variant, showToast]);
  // The cart belongs to the checkout app: a full navigation, not a client-side one.
  const buyNow = useCallback(() => addToCart().then((added) => added && window.location.assign('/cart')), [addToCart]);
  const barPrice = useMemo(() => ({ price: product.price, mrp: product.mrp }), [product]);

  return (
    <div className="product">
      <div className="product-media card">
        <Pictures images={product.images} index={imageIndexForColor(product.images, choice.color)} />
        <Heart productId={product.id} title={product.title} className="product-heart" />
      </div>
      <div className="product-main">
        <section className="product-info card" aria-labelledby="product-title">
          <p className="product-brand">{product.brand}</p>
          <h1 id="product-title" className="product-title">
            {product.title}
          </h1>
          <p className="product-rating">
            <RatingPill rating={product.rating} />
            <span>
              {product.ratingCount.toLocaleString('en-IN')} ratings &amp; {product.reviewCount.toLocaleString('en-IN')} reviews
            </span>
            {product.assured && <span className="product-assured">Assured</span>}
          </p>
          {product.discountPercent > 0 && <p className="product-special">Special price</p>}
          <Price price={product.price} mrp={product.mrp} discountPercent={product.discountPercent} size="lg" />
          {inStock && variant && variant.stock <= 5 && <p className="product-hurry">Hurry, only {variant.stock} left!</p>}
        </section>
        {product.family && <Family family={product.family} currentId={product.id} busy={loadingSibling} />}
        {hasVariants && (
          <VariantPicker
            variants={product.variants}
            choice={choice}
            onColor={(color) => setChoice(chooseColor(product.variants, choice, color))}
            onSize={(size) => setChoice({ ...choice, size })}
          />
        )}
        <Delivery productId={product.id} price={product.price} />
        <Details product={product} />
        <Reviews productId={product.id} />
      </div>
      <div className="product-similar">
        <Similar productId={product.id} />
      </div>
      <BuyBar
        blockedBy={loadingSibling ? 'Loading' : inStock ? null : 'Out of stock'}
        price={barPrice}
        onAdd={addToCart}
        onBuy={buyNow}
      />
      <Toast {...toast.props} />
    </div>
  );
}

/** Loads `/catalog/products/:itemId` after mount; unknown ids get a friendly not-found state. */
export default function ProductPage(): React.ReactNode {
  const hydrated = useHydrated();
  const { itemId = '' } = useParams();
  const state = useApi<Product>(hydrated ? routeDataPath('product', { itemId }) : null);
  // Choosing another colour or storage loads another listing: the page stays as it was (no skeleton,
  // no jump) until it arrives, then shows the new listing's title, price and stock.
  const last = useRef<Product | null>(null);
  if (state.status === 'ready') last.current = state.data;
  // Another product (a similar one, say) opens at its top; another colour of the same keeps the place.
  const family = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!family.current.has(itemId)) window.scrollTo(0, 0);
  }, [itemId]);
  useEffect(() => {
    if (state.status === 'ready') family.current = new Set(state.data.family?.members.map((m) => m.id) ?? []);
  }, [state]);

  if (state.status === 'error' && isMissing(state.error)) {
    return (
      <EmptyState title="This product isn't available" message="It may have been removed, or the link may be wrong." testId="product-not-found" headingLevel={1}>
        <Link to="/" className={buttonClassName('primary')}>
          Continue shopping
        </Link>
      </EmptyState>
    );
  }
  const sibling = state.status === 'loading' && last.current?.family?.members.some((m) => m.id === itemId) ? last.current : null;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  const shown = state.status === 'ready' ? state.data : sibling;
  return (
    <>
      {shown ? <ProductView key={shown.id} product={shown} loadingSibling={shown !== state.data} /> : (
        <>
          <ProductSkeleton />
          <BuyBar blockedBy="Loading" onAdd={idle} onBuy={idle} />
        </>
      )}
      <div className="product-recent">{state.status === 'ready' && <RecentlyViewed exclude={state.data.id} />}</div>
    </>
  );
}
