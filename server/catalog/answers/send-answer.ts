/**
 * Writes an encoded answer: `304` when the client's validator still matches, otherwise the body in
 * the best coding the client accepts. Catalog reads may be a minute old in shared caches; the
 * service worker revalidates them, which the validator makes cheap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentCodingChooser } from '../../http/content-coding';
import type { EncodedAnswer } from './encoded-answer';

const CACHE_CONTROL = 'public, max-age=60';
const chooseCoding = contentCodingChooser(['br', 'gzip', 'identity']);

/** Sends `answer` with `headers` (name, value, name, value…) before its own. */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: EncodedAnswer, headers: readonly string[] = []): void {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, answer.etag)) {
    res.writeHead(304, [...headers, 'Cache-Control', CACHE_CONTROL, 'ETag', answer.etag, 'Vary', 'Accept-Encoding']);
    res.end();
    return;
  }
  const coding = chooseCoding(req.headers['accept-encoding']);
  const body = answer.body(coding);
  res.writeHead(200, [
    ...headers,
    'Content-Type', 'application/json; charset=utf-8',
    'Cache-Control', CACHE_CONTROL,
    'ETag', answer.etag,
    'Vary', 'Accept-Encoding',
    ...(coding === 'identity' ? [] : ['Content-Encoding', coding]),
    'Content-Length', String(body.length),
  ]);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Whether an `If-None-Match` value names `etag`, compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const candidate of ifNoneMatch.split(',')) {
    const value = candidate.trim();
    if (value === '*' || value === opaque || value === `W/${opaque}`) return true;
  }
  return false;
}
