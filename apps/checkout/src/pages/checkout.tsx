/** `/checkout` and unknown paths under it: checkout starts at its first step. */
import { useHydrated } from '@storefront/kit';
import { Navigate } from 'react-router';
import { StepSkeleton } from '../components/CheckoutFrame';

/** The shell shows the first step's frame; once hydrated, the router moves on to it. */
export default function CheckoutPage(): React.ReactNode {
  const hydrated = useHydrated();
  return hydrated ? <Navigate to="/checkout/address" replace /> : <StepSkeleton step="address" />;
}
