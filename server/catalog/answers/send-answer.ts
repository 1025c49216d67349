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
const NO_HEADERS: readonly string[] = [];

/** An answer's complete header lists, built on its first request: a later one only picks one. */
interface HeaderLists {
  /** The caller's headers these lists start with. */
  before: readonly string[];
  br: string[];
  gzip: string[];
  identity: string[];
  notModified: string[];
}

// Answers are immutable and replaced whole when the catalog changes, so their lists never go stale.
const lists = new WeakMap<EncodedAnswer, HeaderLists>();

/** Sends `answer` with `headers` (name, value, name, value…) before its own. */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: EncodedAnswer, headers: readonly string[] = NO_HEADERS): void {
  let prepared = lists.get(answer);
  if (prepared?.before !== headers) lists.set(answer, (prepared = headerLists(answer, headers)));
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, answer.etag)) {
    res.writeHead(304, prepared.notModified);
    res.end();
    return;
  }
  const coding = chooseCoding(req.headers['accept-encoding']);
  // node:http reads a header list while writing the head and keeps nothing of it: one list serves every request.
  res.writeHead(200, coding === 'br' ? prepared.br : coding === 'gzip' ? prepared.gzip : prepared.identity);
  res.end(req.method === 'HEAD' ? undefined : answer.body(coding));
}

function headerLists(answer: EncodedAnswer, before: readonly string[]): HeaderLists {
  const validators = ['Cache-Control', CACHE_CONTROL, 'ETag', answer.etag, 'Vary', 'Accept-Encoding'];
  const full = (coding: string): string[] => {
    const body = answer.body(coding);
    return [
      ...before,
      'Content-Type', 'application/json; charset=utf-8',
      ...validators,
      ...(coding === 'identity' ? [] : ['Content-Encoding', coding]),
      'Content-Length', String(body.length),
    ];
  };
  return { before, br: full('br'), gzip: full('gzip'), identity: full('identity'), notModified: [...before, ...validators] };
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
