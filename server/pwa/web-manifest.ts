/**
 * The web app manifest, built from code: what the home-screen icon, the splash screen (name,
 * background and theme colours, icon) and the standalone window are made of.
 */
import type { IconIndex } from './worker-build';

export const THEME_COLOR = '#2874f0';
export const BACKGROUND_COLOR = '#ffffff';

/** The manifest for the current icons (their URLs are content-hashed). */
export function webManifest(icons: IconIndex): Record<string, unknown> {
  const icon = (name: keyof IconIndex, size: number, purpose: 'any' | 'maskable') =>
    icons[name] ? [{ src: `/icons/${icons[name]}`, sizes: `${size}x${size}`, type: 'image/png', purpose }] : [];
  return {
    id: '/',
    name: 'Storefront: shop mobiles, fashion, electronics and more',
    short_name: 'Storefront',
    description: 'Shop mobiles, fashion, electronics, home, appliances, beauty, groceries and books at great prices.',
    lang: 'en',
    dir: 'ltr',
    categories: ['shopping'],
    // The source tag tells telemetry a visit began from the installed app.
    start_url: '/?source=pwa',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [...icon('icon-192', 192, 'any'), ...icon('icon-512', 512, 'any'), ...icon('maskable-192', 192, 'maskable'), ...icon('maskable-512', 512, 'maskable')],
    shortcuts: [
      { name: 'Search products', short_name: 'Search', url: '/search?source=pwa-shortcut', icons: icon('icon-192', 192, 'any') },
      { name: 'Your cart', short_name: 'Cart', url: '/cart?source=pwa-shortcut', icons: icon('icon-192', 192, 'any') },
    ],
  };
}
