/** The blue shop header shared by every app: wordmark, search with suggestions, login and cart. */
import { Link, useLocation, useNavigate } from 'react-router';
import { useEffect, useState } from 'react';
import { useCartCount } from '../../hooks/cart-count';
import { useSignedIn } from '../../hooks/signed-in';
import type { AppName } from '../../../../../shared/route-table';
import { SearchBox } from '../SearchBox';
import './shop-header.css';

export interface ShopHeaderProps {
  /** The app rendering the header: its own URLs are client-side links, others' full navigations. */
  app: AppName;
}

/** The first URL segment each app owns, to choose between `<Link>` and `<a>`. */
function ownerOf(href: string): AppName {
  if (href === '/cart' || href.startsWith('/checkout')) return 'checkout';
  if (href.startsWith('/accounts')) return 'accounts';
  return 'home-browse-product';
}

function ShopLink({ app, href, ...rest }: { app: AppName; href: string } & Omit<React.ComponentProps<'a'>, 'href'>): React.ReactNode {
  return ownerOf(href) === app ? <Link to={href} {...rest} /> : <a href={href} {...rest} />;
}

/** Header with a skip link; the cart badge appears once the cart count is known (after mount). */
export function ShopHeader({ app }: ShopHeaderProps): React.ReactNode {
  const navigate = useNavigate();
  const location = useLocation();
  const count = useCartCount();
  const signedIn = useSignedIn(location.key);
  const [currentQuery, setCurrentQuery] = useState<string | null>(null);
  useEffect(() => {
    // Read in an effect: the shell was rendered without the URL's query.
    if (location.pathname === '/search') setCurrentQuery(new URLSearchParams(location.search).get('q') ?? '');
  }, [location.pathname, location.search]);
  const go = (href: string): void => {
    if (ownerOf(href) === app) void navigate(href);
    else window.location.assign(href);
  };
  return (
    <header className="shop-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="shop-header-inner">
        {/* Named by its visible words (WCAG 2.5.3: a voice user says what they see), then where it goes. */}
        <ShopLink app={app} href="/" className="shop-logo" data-testid="logo">
          <span className="shop-logo-word">Storefront</span>
          <span className="shop-logo-tag">
            Explore <em>Plus</em>
          </span>
          <span className="sr-only"> home</span>
        </ShopLink>
        <div className="shop-header-search">
          <SearchBox go={go} currentQuery={currentQuery} />
        </div>
        <nav className="shop-header-nav" aria-label="Account and cart">
          <ShopLink app={app} href={signedIn ? '/accounts' : '/accounts/login'} className="shop-header-link" data-testid="account-link">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path fill="currentColor" d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-3.3 0-9 1.7-9 5v2h18v-2c0-3.3-5.7-5-9-5z" />
            </svg>
            <span className="shop-header-label">{signedIn ? 'Account' : 'Login'}</span>
          </ShopLink>
          <ShopLink app={app} href="/cart" className="shop-header-link shop-cart" data-testid="cart-link">
            <span className="shop-cart-icon">
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <path fill="currentColor" d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4l-.9-2H1v2h2l3.6 7.6-1.4 2.4A2 2 0 0 0 7 17h12v-2H7.4l1.1-2h7.5a2 2 0 0 0 1.7-1l3.6-6.5A1 1 0 0 0 20.4 4z" />
              </svg>
              {count !== null && count > 0 && (
                <span className="shop-cart-badge" data-testid="cart-badge">
                  {count > 99 ? '99+' : count}
                </span>
              )}
            </span>
            <span className="shop-header-label">Cart</span>
            <span className="sr-only">{count ? `, ${count} item${count === 1 ? '' : 's'}` : ''}</span>
          </ShopLink>
        </nav>
      </div>
    </header>
  );
}
