/**
 * The page the worker shows for a navigation that no route type owns while the network is down:
 * the shop's header and a friendly message, styled by the vendors CSS it shares with every shell.
 * No script: it only has to say what is wrong and offer to try again.
 */
import type { LoadedRelease } from '../shells/load-release';

/** The offline page for a release (it names that release's vendors stylesheet). */
export function renderOfflinePage(release: LoadedRelease, assetBaseUrl: string): string {
  const { vendors } = release;
  const css = vendors.css ? `<link rel="stylesheet" href="${assetBaseUrl}/static/vendors/${vendors.hash}/${vendors.css}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#2874f0">
<title>You are offline · Storefront</title>
<link rel="manifest" href="/manifest.webmanifest">
${css}
</head>
<body data-shell="offline">
<div id="root"><div class="app">
<header class="shop-header"><div class="shop-header-inner">
<a href="/" class="shop-logo" aria-label="Storefront home"><span class="shop-logo-word">Storefront</span><span class="shop-logo-tag">Explore <em>Plus</em></span></a>
</div></header>
<main id="main" class="page">
<section class="empty card" data-testid="offline-page">
<svg class="empty-art" viewBox="0 0 120 96" width="120" height="96" aria-hidden="true"><rect x="14" y="22" width="92" height="62" rx="6" fill="#e3ebfd"/><path d="M30 22l10-14h40l10 14" fill="none" stroke="#2874f0" stroke-width="4" stroke-linejoin="round"/><circle cx="48" cy="50" r="4" fill="#2874f0"/><circle cx="72" cy="50" r="4" fill="#2874f0"/><path d="M46 72q14-10 28 0" fill="none" stroke="#2874f0" stroke-width="4" stroke-linecap="round"/></svg>
<h1 class="empty-title">You are offline</h1>
<p class="empty-message">This page is not saved on your phone yet. Products and searches you opened recently still work. Check your connection, then try again.</p>
<div class="empty-actions"><a href="" class="btn btn-primary">Try again</a><a href="/" class="btn btn-outline">Home</a></div>
</section>
</main>
</div></div>
</body>
</html>
`;
}
