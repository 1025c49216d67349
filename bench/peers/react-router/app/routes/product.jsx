import { data } from 'react-router';
import { ProductPage } from '../product/product-page.jsx';
import { findProduct } from '../product/products.js';

export function loader({ params }) {
  const product = findProduct(params.itemId);
  if (!product) throw data('Not found', { status: 404 });
  return { product };
}

export function meta({ data: loaded }) {
  return [{ title: loaded?.product.title ?? 'Product' }];
}

export default function Product({ loaderData }) {
  return <ProductPage product={loaderData.product} />;
}
