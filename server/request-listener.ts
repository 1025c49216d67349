/**
 * The HTTP server's request listener. What is answered from prepared bytes (page shells, catalog
 * reads) is answered right here, before Express: Express's per-request work costs more than
 * writing those bytes (decisions/0012). Everything else goes on to the Express app.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { RequestCounter } from './pwa/request-counter';

/** Answers a request and returns true, or returns false without touching `res`. */
export type FastAnswerer = (req: IncomingMessage, res: ServerResponse, pathname: string, search: string) => boolean;

/** The listener: each fast answerer in turn, then `app`. */
export function createRequestListener(app: RequestListener, answerers: readonly FastAnswerer[], counter: RequestCounter | null, logger: Logger): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    const at = simplePathEnd(url);
    if (at < 0) {
      counter?.count(url.split('?')[0]!);
      app(req, res);
      return;
    }
    const pathname = url.slice(0, at);
    counter?.count(pathname);
    const search = at < url.length ? url.slice(at + 1) : '';
    try {
      for (const answer of answerers) {
        if (answer(req, res, pathname, search)) return;
      }
    } catch (err) {
      // Nothing may escape a request listener (it would end the process); Express answers instead.
      logger.error({ err, url }, 'a fast answer failed');
      if (res.headersSent) res.destroy();
      else app(req, res);
      return;
    }
    app(req, res);
  };
}

/** What makes a target no plain path, anywhere in it (one regular expression scans faster than a loop over the characters). */
const NOT_PLAIN = /[\t\n\f\r #\u00a0\ufeff]/;

/**
 * Where the path of a request target ends (its length, or the index of `?`), or -1 when the target
 * is not a plain origin-form path: those go to Express, whose URL parser has the last word on them.
 * The characters are the ones Express's own fast parser (parseurl) hands over to `url.parse`.
 */
export function simplePathEnd(url: string): number {
  if (url.charCodeAt(0) !== 0x2f /* / */ || NOT_PLAIN.test(url)) return -1;
  const query = url.indexOf('?');
  return query < 0 ? url.length : query;
}
