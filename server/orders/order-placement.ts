/**
 * Places an order exactly once per idempotency key, on either store.
 * - PostgreSQL: the key is claimed (`running`) in its own statement, visible to every server, so a
 *   second request with it meanwhile gets `409 idempotency-key-in-use`; the order's transaction
 *   stores the answer; a refusal frees the key.
 * - SQLite: one writer at a time. The claim, the order and its stored answer share one
 *   transaction, run through the write batcher (group commit): a second request with the same key
 *   queues behind the first and gets its answer replayed; a refusal rolls the claim back with it.
 *   A free key's row is written once, with its answer (`claimKeyInTransaction`).
 */
import type { Order, PlaceOrderRequest } from '../../shared/api-types';
import type { ServerDeps } from '../deps';
import type { PaymentProvider } from '../payments/payment-provider';
import { createWriteBatcher, type WriteBatcher } from '../store/write-batcher';
import { requestHash } from '../http/idempotency-key';
import { claimKey, claimKeyInTransaction, releaseKey } from './idempotency';
import { placeOrderInTransaction } from './place-order';

export type Placement = { kind: 'placed'; order: Order; body: string } | { kind: 'replay'; status: number; body: string };

export interface PlacementInput {
  accountId: string;
  key: string;
  request: PlaceOrderRequest;
  provider: PaymentProvider | undefined;
}

/** Places orders for one app (one store). */
export class OrderPlacer {
  private readonly batcher: WriteBatcher;

  constructor(private readonly deps: ServerDeps) {
    this.batcher = createWriteBatcher(deps.store);
  }

  /** Places the order, or answers the stored answer of the same key and body; throws refusals as AppErrors. */
  async place(input: PlacementInput): Promise<Placement> {
    const { db, dialect } = this.deps.store;
    const hash = requestHash('POST', '/api/orders', input.request);
    if (dialect === 'sqlite') {
      return this.batcher.run(async (trx): Promise<Placement> => {
        const now = this.deps.now();
        const claimed = await claimKeyInTransaction(trx, input.accountId, input.key, hash, now);
        if (claimed.kind === 'replay') return claimed;
        return { kind: 'placed', ...(await placeOrderInTransaction(trx, { ...input, claim: claimed.claim, now })) };
      });
    }
    const claimed = await claimKey(db, input.accountId, input.key, hash, this.deps.now());
    if (claimed.kind === 'replay') return claimed;
    try {
      const placed = await db.transaction().execute((trx) => placeOrderInTransaction(trx, { ...input, claim: claimed.claim, now: this.deps.now() }));
      return { kind: 'placed', ...placed };
    } catch (error) {
      // Only a placed order binds the key: after a refusal the shopper may fix things and retry with it.
      await releaseKey(db, claimed.claim).catch((err: unknown) => this.deps.logger.warn({ err }, 'could not release an idempotency key'));
      throw error;
    }
  }
}
