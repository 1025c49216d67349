/**
 * The logged-in shopper's menu: a greeting and the account sections. On phones it is the account
 * home page itself, and other pages show a link back to it; on wide screens it stays on the side.
 */
import type { Account } from '@storefront/kit';
import { Link, NavLink, useLocation } from 'react-router';
import './account-nav.css';

/** The sections of the account, in menu order. */
export const SECTIONS = [
  { to: '/accounts/orders', label: 'My orders', note: 'Track, return or buy again', icon: 'M4 4h16v4H4zm1 6h14v10H5zm4 3v2h6v-2z' },
  { to: '/accounts/wishlist', label: 'My wishlist', note: 'Products you keep an eye on', icon: 'M12 21s-7.5-4.6-9.6-9.3C1 8.4 3 5 6.4 5c2 0 3.6 1.1 4.6 2.6h2C14 6.1 15.6 5 17.6 5 21 5 23 8.4 21.6 11.7 19.5 16.4 12 21 12 21z' },
  { to: '/accounts/notifications', label: 'Notifications', note: 'Price drops, orders and offers on your devices', icon: 'M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11c0-3.1-1.6-5.6-4.5-6.3V4a2.5 2.5 0 0 0-5 0v.7C6.6 5.4 5 7.9 5 11v5l-2 2v1h18v-1z' },
  { to: '/accounts/profile', label: 'Profile', note: 'Name and email', icon: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-3.3 0-9 1.7-9 5v2h18v-2c0-3.3-5.7-5-9-5z' },
  { to: '/accounts/addresses', label: 'Saved addresses', note: 'Where we deliver', icon: 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z' },
  { to: '/accounts/security', label: 'Login & security', note: 'Mobile number, password, sign out', icon: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5zm-1 14-4-4 1.4-1.4L11 13.2l5.6-5.6L18 9z' },
] as const;

/** The side menu (wide screens) or the link back to the account home (phones). */
export function AccountNav({ account }: { account: Account | null }): React.ReactNode {
  const { pathname } = useLocation();
  const home = pathname === '/accounts' || pathname === '/accounts/';
  return (
    <aside className={`acc-nav${home ? ' acc-nav-home' : ''}`} aria-label="Your account">
      {!home && (
        <Link to="/accounts" className="acc-back" data-testid="account-back">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path fill="currentColor" d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z" />
          </svg>
          My account
        </Link>
      )}
      <AccountMenu account={account} />
    </aside>
  );
}

/** Greeting plus section links; `account` is null while it loads. */
export function AccountMenu({ account }: { account: Account | null }): React.ReactNode {
  return (
    <div className="acc-menu">
      <div className="acc-hello card">
        <span className="acc-avatar" aria-hidden="true">
          {account?.name ? account.name.trim().charAt(0).toUpperCase() : ''}
        </span>
        <p className="acc-hello-text">
          <span className="acc-hello-small">Hello,</span>
          <strong className="acc-hello-name" data-testid="account-name">
            {account ? account.name ?? account.mobileMasked : '\u00a0'}
          </strong>
        </p>
      </div>
      <nav className="acc-sections card" aria-label="Account sections">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className="acc-section-link">
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                  <path fill="currentColor" d={section.icon} />
                </svg>
                <span className="acc-section-text">
                  <span className="acc-section-label">{section.label}</span>
                  <span className="acc-section-note">{section.note}</span>
                </span>
                <svg className="acc-chevron" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                  <path fill="currentColor" d="m9 6 6 6-6 6-1.4-1.4 4.6-4.6-4.6-4.6z" />
                </svg>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
