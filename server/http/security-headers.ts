/**
 * The helmet security headers, configured once. Most responses get them from the middleware; the
 * shell route, the hottest path, replays the same headers captured at start in one `writeHead`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** The helmet middleware with the shop's settings: the strictest CSP for everything but shells. */
export function securityHeaders(assetBaseUrl: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: assetBaseUrl ? 'cross-origin' : 'same-origin' },
  }) as unknown as RequestHandler;
}

/** The headers `middleware` sets on a response, by name, in order. Throws if it does more than set headers. */
export function captureHeaders(middleware: RequestHandler): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
      return this;
    },
    removeHeader(name: string) {
      const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (at >= 0) headers.splice(at, 1);
    },
  } as unknown as ServerResponse;
  let finished = false;
  middleware({ headers: {} } as IncomingMessage as Parameters<RequestHandler>[0], res as Parameters<RequestHandler>[1], (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('the security headers middleware did not finish synchronously');
  return headers;
}
