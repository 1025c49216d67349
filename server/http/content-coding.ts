/**
 * Which content coding to send, by `Accept-Encoding`. Browsers send a handful of distinct header
 * values, so the negotiation of each value is remembered (a small bounded map) and the hot paths
 * that answer from prepared bytes never parse the header twice.
 */
import Negotiator from 'negotiator';

// negotiator takes the server's preference for ties (`gzip, br` → br); its published types omit it.
type Negotiate = (this: Negotiator, available: readonly string[], options: { preferred: readonly string[] }) => string | undefined;
const negotiate = (negotiator: Negotiator, preferred: readonly string[]): string | undefined =>
  (negotiator.encoding as unknown as Negotiate).call(negotiator, preferred, { preferred });

/** Remembered header values at most; past that the map starts over (a client inventing values gains nothing). */
const MAX_REMEMBERED = 256;

/** A chooser among `offered` codings, in the server's order of preference ('identity' last). */
export function contentCodingChooser(offered: readonly string[]): (acceptEncoding: string | undefined) => string {
  const remembered = new Map<string, string>();
  const preferred = [...offered];
  return (acceptEncoding) => {
    // No header means any coding is acceptable, but identity is the safe reading (RFC 9110 §12.5.3).
    if (acceptEncoding === undefined) return 'identity';
    let coding = remembered.get(acceptEncoding);
    if (coding === undefined) {
      const request = { headers: { 'accept-encoding': acceptEncoding } };
      coding = negotiate(new Negotiator(request), preferred) ?? 'identity';
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(acceptEncoding, coding);
    }
    return coding;
  };
}
