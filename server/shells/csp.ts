/**
 * The strict Content-Security-Policy of shell documents: scripts run only with this response's
 * nonce (and what those scripts load, via 'strict-dynamic'); no plugins, no <base> hijacking.
 * `https:` and 'unsafe-inline' are fallbacks that browsers supporting nonces ignore.
 */
export function createCspHeader(assetBaseUrl: string): (nonce: string) => string {
  const assets = assetBaseUrl ? ` ${new URL(assetBaseUrl).origin}` : '';
  const before = "script-src 'nonce-";
  const after =
    `' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'; default-src 'self'; ` +
    `style-src 'self'${assets}; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:${assets}; ` +
    `font-src 'self'${assets}; connect-src 'self'; manifest-src 'self'; worker-src 'self'; ` +
    `frame-ancestors 'none'; form-action 'self'`;
  return (nonce) => before + nonce + after;
}
