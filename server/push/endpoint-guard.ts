/**
 * Where the shop may send pushes (SSRF rules). A subscription's endpoint is a URL the browser gave
 * us, so it is untrusted: only `https:` on port 443 to a host on the push-service allowlist, and
 * at connect time only to public addresses (checked after DNS, on the addresses actually dialled,
 * so a name that resolves to 127.0.0.1 or 10.x is refused). The one exception is the test push
 * service, allowed by exact origin through configuration (`PUSH_TEST_SERVICE`).
 */
import dns from 'node:dns';
import net from 'node:net';

export interface PushServiceRules {
  /** Host names, or `*.suffix` for any host under the suffix (not the suffix itself). */
  allowedHosts: readonly string[];
  /** `https://host:port` of the test push service, or null. */
  testOrigin: string | null;
}

export type EndpointCheck = { ok: true; url: URL; test: boolean } | { ok: false; reason: string };

/** Whether `host` (lower case) matches one of the allowlist's patterns. */
export function isHostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern));
}

/** The rules a URL must pass before anything is resolved or sent; `reason` says which one failed. */
export function checkEndpointUrl(endpoint: string, rules: PushServiceRules): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (rules.testOrigin !== null && url.origin === rules.testOrigin) return { ok: true, url, test: true };
  if (url.protocol !== 'https:') return { ok: false, reason: 'not https' };
  // URL drops the default port, so an explicit ":443" reads as "" too.
  if (url.port !== '') return { ok: false, reason: `port ${url.port} is not 443` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'has credentials' };
  const host = url.hostname.toLowerCase();
  if (net.isIP(host.replace(/^\[|\]$/g, '')) !== 0) return { ok: false, reason: 'an IP address, not a push service name' };
  if (!isHostAllowed(host, rules.allowedHosts)) return { ok: false, reason: `${host} is not an allowed push service` };
  return { ok: true, url, test: false };
}

const blocked = new net.BlockList();
// Private, loopback, link-local, shared (CGNAT), benchmarking, documentation, multicast and reserved ranges.
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(prefix, bits, 'ipv6');

/** True for an address on the public internet; false for private, loopback and the like (IPv4-mapped IPv6 included). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  // IPv4-mapped in hex form (::ffff:7f00:1) and IPv4-compatible/translated forms carry an IPv4 inside.
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address) || /^64:ff9b::/i.test(address)) return false;
  return !blocked.check(address, 'ipv6');
}

export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** The system resolver, every address. */
export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Error code of a connection the guard refused. */
export const REFUSED_ADDRESS = 'EPUSHADDRESS';

/**
 * A `lookup` for an https.Agent: resolves the name, refuses it when any address is not public,
 * and hands the socket only the vetted addresses, so what is checked is what is dialled.
 */
export function guardedLookup(resolve: Resolver = systemResolver): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: any[]) => void) => {
    resolve(hostname).then(
      (addresses) => {
        const family = typeof options.family === 'number' ? options.family : 0;
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        const bad = addresses.find((a) => !isPublicAddress(a.address));
        if (bad || usable.length === 0) {
          const error = Object.assign(new Error(`push service ${hostname} resolves to ${bad ? `a non-public address (${bad.address})` : 'no usable address'}`), { code: REFUSED_ADDRESS });
          callback(error);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: unknown) => callback(error),
    );
  }) as net.LookupFunction;
}
