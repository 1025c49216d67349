/**
 * How many bytes of telemetry the open ingestion routes take: a token bucket per client address
 * (an IPv6 /64, which one subscriber usually has whole) and one for all clients together, both
 * refilled per minute with a burst of one minute's worth, and shared by every node (the shared
 * limits: the store or Redis). A request over either is refused with 429 and `Retry-After`,
 * before its body is read whenever it declares its length.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { SharedLimits } from '../../cluster/shared-limits';
import { AppError } from '../../errors/app-error';
import type { TelemetryConfig } from '../../config';
import { clientAddressKey } from '../../http/client-address';

/** A whole bulk request must always fit a full bucket. */
const MIN_BURST_BYTES = 1024 * 1024 + 64 * 1024;

export class IngestBudget {
  private readonly perAddress: { capacity: number; perMs: number };
  private readonly all: { key: string; capacity: number; perMs: number };

  constructor(
    config: Pick<TelemetryConfig, 'ipBytesPerMinute' | 'globalBytesPerMinute'>,
    private readonly limits: SharedLimits,
    private readonly now: () => number,
  ) {
    this.perAddress = { capacity: Math.max(config.ipBytesPerMinute, MIN_BURST_BYTES), perMs: config.ipBytesPerMinute / 60_000 };
    this.all = { key: 'telemetry-bytes:all', capacity: Math.max(config.globalBytesPerMinute, MIN_BURST_BYTES), perMs: config.globalBytesPerMinute / 60_000 };
  }

  /** Spends `bytes` from the address's and everyone's budget, or throws 429 (with Retry-After on `res`). */
  async charge(addressKey: string, bytes: number, res: Response): Promise<void> {
    const own = { key: `telemetry-bytes:${addressKey}`, ...this.perAddress };
    const [ownWait = 0, allWait = 0] = await this.limits.spend([own, this.all], bytes, this.now());
    if (ownWait > 0 || allWait > 0) {
      const retryAfterSec = Math.max(1, Math.ceil(Math.max(ownWait, allWait) / 1000));
      res.setHeader('Retry-After', String(retryAfterSec));
      throw new AppError('telemetry-budget-exceeded', { scope: ownWait >= allWait ? 'address' : 'all', retryAfterSec });
    }
  }

  /**
   * Charges a request's declared length before its body is read; bodies without one are charged by
   * `chargeBody` once read, and bodies over the route's `limit` are left to the parser's 413.
   */
  declared(limit: number): RequestHandler {
    return async (req, res, next) => {
      const length = Number(req.headers['content-length']);
      if (!Number.isSafeInteger(length) || length < 0 || length > limit) return next();
      await this.charge(clientAddressKey(req), length, res);
      (req as Charged).budgetCharged = true;
      next();
    };
  }

  /** For the JSON parser's `verify`: notes the length of a body that declared none, for `chargeBody`. */
  readonly measureBody = (req: Request, _res: Response, body: Buffer): void => {
    (req as Charged).bodyBytes = body.length;
  };

  /** After the parser: charges the bytes of a body that declared no length. */
  readonly chargeBody: RequestHandler = async (req, res, next) => {
    const charged = req as Charged;
    if (!charged.budgetCharged && charged.bodyBytes !== undefined) await this.charge(clientAddressKey(req), charged.bodyBytes, res);
    next();
  };
}

type Charged = Request & { budgetCharged?: boolean; bodyBytes?: number };
