/**
 * The one page of the `/accounts/*` route type. Its shell is rendered with no URL, so the first
 * render is a neutral card; once hydrated, nested routes pick the step or section from the URL.
 */
import { useHydrated } from '@storefront/kit';
import { Route, Routes } from 'react-router';
import { AuthCardSkeleton } from '../components/PageFrame';
import { AccountSessionProvider } from '../session/account-session';
import AddressesPage from './addresses';
import ForgotPage from './forgot';
import HomePage from './home';
import LoginPage from './login';
import MobilePage from './mobile';
import NotificationsPage from './notifications';
import NotFoundPage from './not-found';
import OrderPage from './order';
import OrdersPage from './orders';
import PasswordPage from './password';
import ProfilePage from './profile';
import SecurityPage from './security';
import VerifyPage from './verify';
import WishlistPage from './wishlist';

// Every section is in this one chunk: all of them together are about 17 kB compressed, well within
// the page budget, and a chunk per section would make each first tap wait for a round trip.

export default function AccountsPage(): React.ReactNode {
  const hydrated = useHydrated();
  if (!hydrated) return <AuthCardSkeleton />;
  return (
    <AccountSessionProvider>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="forgot" element={<ForgotPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="addresses" element={<AddressesPage />} />
        <Route path="security" element={<SecurityPage />} />
        <Route path="mobile" element={<MobilePage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:orderId" element={<OrderPage />} />
        <Route path="wishlist" element={<WishlistPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AccountSessionProvider>
  );
}
