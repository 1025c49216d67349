/**
 * Which content coding to send, by `Accept-Encoding`. Browsers send a handful of distinct header
 * values, so the negotiation of each value is remembered (a small bounded map) and the hot paths
 * that answer from prepared bytes never parse the header twice.
 */
import Negotiator from 'negotiator';
import { BoundedMemo } from './bounded-memo';

// negotiator takes the server's preference for ties (`gzip, br` → br); its published types omit it.
type Negotiate = (this: Negotiator, available: readonly string[], options: { preferred: readonly string[] }) => string | undefined;
const negotiate = (negotiator: Negotiator, preferred: readonly string[]): string | undefined =>
  (negotiator.encoding as unknown as Negotiate).call(negotiator, preferred, { preferred });

/** Remembered header values at most (see BoundedMemo). */
const MAX_REMEMBERED = 256;

/** A chooser among `offered` codings, in the server's order of preference ('identity' last). */
export function contentCodingChooser(offered: readonly string[]): (acceptEncoding: string | undefined) => string {
  const preferred = [...offered];
  const remembered = new BoundedMemo((acceptEncoding) => negotiate(new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }), preferred) ?? 'identity', MAX_REMEMBERED);
  // No header means any coding is acceptable, but identity is the safe reading (RFC 9110 §12.5.3).
  return (acceptEncoding) => (acceptEncoding === undefined ? 'identity' : remembered.get(acceptEncoding));
}
