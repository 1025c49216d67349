import { notFound } from 'next/navigation';
import { ProductPage } from '../../../product/product-page.jsx';
import { findProduct } from '../../../product/products.js';

// Rendered per request, as a page whose price and stock change must be.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }) {
  const { itemId } = await params;
  return { title: findProduct(itemId)?.title ?? 'Product' };
}

export default async function Page({ params }) {
  const { itemId } = await params;
  const product = findProduct(itemId);
  if (!product) notFound();
  return <ProductPage product={product} />;
}
