/**
 * Who a per-address limit counts: the client's address as Express sees it (X-Forwarded-For only
 * from the proxies TRUST_PROXY names), IPv4 as is and IPv6 by its /64, which one subscriber
 * usually has whole, so rotating through it gains nothing.
 */
import type { IncomingMessage } from 'node:http';

/** The limit key of an address: IPv4 (also IPv4-mapped IPv6) as is, IPv6 by its /64 prefix. */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  // A zone (`fe80::1%eth0`) names the interface, not the host.
  const bare = ip.replace(/%.*$/, '');
  const [head = '', tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = bare.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The limit key of the request's client (see `addressKey`). */
export function clientAddressKey(req: IncomingMessage & { ip?: string | undefined }): string {
  return addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
