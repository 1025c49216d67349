/** Home: categories, today's deals, top rated products and what the shopper viewed lately. */
import { ErrorState, useAfterPaint, useApi, type HomeResult } from '@storefront/kit';
import { CategoryStrip } from '../components/CategoryStrip';
import { ProductRail } from '../components/ProductRail';
import { RecentlyViewed } from '../components/RecentlyViewed';
import { routeDataPath } from '../route-data';

/** The shell renders the loading layout; the sections fill in when /catalog/home answers. */
export default function HomePage(): React.ReactNode {
  const home = useApi<HomeResult>(routeDataPath('home', {}));
  const data = home.status === 'ready' ? home.data : null;
  // The first screen (categories, deals) renders with the data; the rails below it a frame later.
  const below = useAfterPaint(home.status !== 'loading');
  return (
    <>
      <h1 className="sr-only">Storefront: online shopping</h1>
      {home.status === 'error' ? (
        <ErrorState error={home.error} onRetry={home.reload} />
      ) : (
        <>
          <CategoryStrip categories={data?.categories ?? null} />
          <ProductRail title="Deals of the Day" products={data?.deals ?? null} highlight lead testId="deals" viewAll="/search?discount=30" />
          <ProductRail title="Top rated" products={below ? (data?.topRated ?? null) : null} testId="top-rated" viewAll="/search?rating=4&sort=rating" />
        </>
      )}
      {below && <RecentlyViewed />}
    </>
  );
}
