/**
 * How many bytes of telemetry the open ingestion routes take: a token bucket per client address
 * (an IPv6 /64, which one subscriber usually has whole) and one for all clients together, both
 * refilled per minute with a burst of one minute's worth. A request over either is refused with
 * 429 and `Retry-After` before its body is read, whenever it declares its length.
 */
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../errors/app-error';
import type { TelemetryConfig } from '../../config';
import { TokenBucket } from './token-bucket';

/** A whole bulk request must always fit a full bucket. */
const MIN_BURST_BYTES = 1024 * 1024 + 64 * 1024;
/** Addresses tracked at once; full buckets are forgotten first, then the least recently seen. */
const MAX_ADDRESSES = 50_000;

/** The budget key of a client address: IPv4 as is, IPv6 by its /64 prefix. */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class IngestBudget {
  private readonly addresses = new Map<string, TokenBucket>();
  private readonly all: TokenBucket;
  private readonly perAddress: { capacity: number; perMs: number };

  constructor(config: Pick<TelemetryConfig, 'ipBytesPerMinute' | 'globalBytesPerMinute'>, private readonly now: () => number) {
    this.perAddress = { capacity: Math.max(config.ipBytesPerMinute, MIN_BURST_BYTES), perMs: config.ipBytesPerMinute / 60_000 };
    this.all = new TokenBucket(Math.max(config.globalBytesPerMinute, MIN_BURST_BYTES), config.globalBytesPerMinute / 60_000, now());
  }

  /** Spends `bytes` from the address's and everyone's budget, or throws 429 (with Retry-After on `res`). */
  charge(ip: string, bytes: number, res: Response): void {
    const now = this.now();
    const key = addressKey(ip);
    const own = this.addresses.get(key) ?? new TokenBucket(this.perAddress.capacity, this.perAddress.perMs, now);
    const ownWait = own.waitFor(bytes, now);
    const allWait = this.all.waitFor(bytes, now);
    if (ownWait > 0 || allWait > 0) {
      const retryAfterSec = Math.max(1, Math.ceil(Math.max(ownWait, allWait) / 1000));
      res.setHeader('Retry-After', String(retryAfterSec));
      throw new AppError('telemetry-budget-exceeded', { scope: ownWait >= allWait ? 'address' : 'all', retryAfterSec });
    }
    own.take(bytes, now);
    this.all.take(bytes, now);
    // Re-inserted last, so the map's order is least recently seen first.
    this.addresses.delete(key);
    this.addresses.set(key, own);
    if (this.addresses.size > MAX_ADDRESSES) this.forget(now);
  }

  private forget(now: number): void {
    for (const [key, bucket] of this.addresses) if (bucket.isFull(now)) this.addresses.delete(key);
    while (this.addresses.size > MAX_ADDRESSES) this.addresses.delete(this.addresses.keys().next().value!);
  }

  /**
   * Charges a request's declared length before its body is read; bodies without one are charged by
   * `chargeBody`, and bodies over the route's `limit` are left to the parser's 413.
   */
  declared(limit: number): RequestHandler {
    return (req, res, next) => {
      const length = Number(req.headers['content-length']);
      if (!Number.isSafeInteger(length) || length < 0 || length > limit) return next();
      this.charge(clientAddress(req), length, res);
      (req as Charged).budgetCharged = true;
      next();
    };
  }

  /** For the JSON parser's `verify`: charges the bytes of a body that declared no length. */
  readonly chargeBody = (req: Request, res: Response, body: Buffer): void => {
    if ((req as Charged).budgetCharged) return;
    this.charge(clientAddress(req), body.length, res);
  };
}

type Charged = Request & { budgetCharged?: boolean };

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
