/**
 * The shop's HTTP app factory. It never listens: `main.ts` does, and tests start it on a random
 * port, both with `listener`, which answers shells and catalog reads before the Express app.
 */
import type { RequestListener } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { publicFiles } from './assets/public-files';
import { staticAssets } from './assets/static-assets';
import { accountRoutes } from './auth/account-routes';
import { authRoutes } from './auth/auth-routes';
import { mergeGuestCartOnLogin } from './cart/guest-cart-on-login';
import { scheduleGuestCartPurge } from './cart/guest-cart-expiry';
import { cartRoutes } from './cart/routes';
import { answerStatsRoutes } from './catalog/answers/answer-stats-routes';
import { CatalogAnswers } from './catalog/answers/catalog-answers';
import { fastCatalogReads } from './catalog/answers/fast-catalog-reads';
import { leadImages } from './catalog/answers/lead-image-link';
import { catalogRoutes } from './catalog/routes';
import { openChangeFeed, type ChangeFeed } from './catalog/changes/change-feed';
import type { BaseDeps, ServerDeps } from './deps';
import { openAuthContext } from './auth/auth-context';
import { openSharedLimits } from './cluster/open-shared-limits';
import type { SharedLimits } from './cluster/shared-limits';
import { healthRoutes } from './cluster/health-routes';
import { getProductAvailability } from './catalog/catalog-service';
import { deliveryRoutes } from './delivery/delivery-routes';
import { AppError } from './errors/app-error';
import { errorHandler } from './http/error-handler';
import { requireJson } from './http/require-json';
import { ReleaseRegistry } from './shells/release-registry';
import { notFoundPage, shellAnswerer } from './shells/shell-routes';
import { captureHeaders, securityHeaders } from './http/security-headers';
import { createOperatorAuth } from './http/operators/operator-auth';
import { opsRoutes } from './ops/routes';
import { telemetryRoutes } from './telemetry/routes';
import { KillSwitch } from './pwa/kill-switch';
import { swOpsRoutes } from './pwa/ops-routes';
import { requestCounter } from './pwa/request-counter';
import { SwFiles } from './pwa/sw-files';
import { swRoutes } from './pwa/sw-routes';
import { catalogOpsRoutes } from './catalog/ops-routes';
import { orderOpsRoutes } from './orders/ops-routes';
import { checkoutRoutes, orderRoutes } from './orders/order-routes';
import { createOrderRequestHandler } from './orders/order-request';
import { fastOrderPlacement } from './orders/fast-order-placement';
import { startPaymentSweeper } from './orders/abandoned-payments';
import { orderPaymentOutcomes } from './orders/payment-settlement';
import { createPayments } from './payments/providers';
import { testGatewayPageRoutes } from './payments/test-gateway/pay-routes';
import { paymentWebhookRoutes } from './payments/webhook-routes';
import { createRequestListener } from './request-listener';
import { apiTiming, apiTimingRecorder } from './telemetry/api-timing';
import { campaignRoutes } from './push/campaigns/campaign-routes';
import { linkPushDeviceOnLogin } from './push/device-on-login';
import { pushRoutes } from './push/push-routes';
import { createPush, type PushOptions, type PushService } from './push/push-service';
import { mergeGuestWishlistOnLogin } from './wishlist/guest-wishlist-on-login';
import { wishlistRoutes, type WishlistHooks } from './wishlist/routes';
import { imageRoutes } from './images/image-routes';
import { opsImagesPage } from './images/ops-images-page';
import { PhotoPipeline } from './images/photo-pipeline';
import { FsImageStore } from './images/store/fs-image-store';
import { uploadRoutes } from './images/upload-routes';

export interface ShopApp {
  /** The HTTP server's request listener: shells and catalog reads first, then `app`. */
  listener: RequestListener;
  app: Express;
  releases: ReleaseRegistry;
  /** The catalog's answers kept in memory (their stats say how much). */
  answers: CatalogAnswers;
  /** PostgreSQL: the catalog's change feed, which keeps this node's answers and search current; null on SQLite. */
  changes: ChangeFeed | null;
  /** Push notifications (price drops, restocks, order updates, campaigns). */
  push: PushService;
  /** The product photo pipeline (uploads, seeded drawings becoming photos). */
  photos: PhotoPipeline;
  /** Rate limits and lockouts every node shares. */
  limits: SharedLimits;
  /** Starts a drain: `/readyz` answers 503 from now on. */
  drain(): void;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Tests: DNS and waiting for the push sender. */
  push?: PushOptions;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Runs `middleware` only for requests that may carry a body: reads skip request logging and body parsing. */
function forBodyMethods(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (BODY_METHODS.has(req.method) ? middleware(req, res, next) : next());
}

/** Builds the shop's HTTP app from its dependencies. */
export async function createApp(base: BaseDeps, options: AppOptions = {}): Promise<ShopApp> {
  const { config, logger } = base;
  // Limits every node shares: given by the caller, or opened here (and then closed here too).
  const ownLimits = base.limits === undefined;
  const limits: SharedLimits = base.limits ?? (await openSharedLimits(config.redisUrl, base.store, logger));
  const deps: ServerDeps = { ...base, limits };
  // Many nodes (PostgreSQL) follow the store's release pointers; one machine follows its dist folder.
  const releases = await ReleaseRegistry.open({ distDir: config.distDir, assetBaseUrl: config.assetBaseUrl, logger, store: base.store.dialect === 'postgres' ? base.store : undefined });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // Per-address limits and the same-origin check read the client's address and scheme from
  // X-Forwarded-* only when these proxies are trusted.
  app.set('trust proxy', config.trustProxy);
  let draining = false;
  // First, so a probe costs no more than it must.
  app.use(
    healthRoutes({
      store: deps.store,
      limits,
      release: () => releases.health(),
      draining: () => draining,
    }),
  );

  // Test-only (COUNT_REQUESTS=1): lets e2e tests prove the worker, not the server, answered.
  const counter = requestCounter();
  if (counter) app.use(counter.routes);

  const security = securityHeaders(config.assetBaseUrl);
  const securityHeaderList = captureHeaders(security);
  app.use(security);
  const killSwitch = await KillSwitch.open(deps.store, logger);
  const swFiles = new SwFiles(releases, killSwitch, { distDir: config.distDir, assetBaseUrl: config.assetBaseUrl, logger });
  app.use(swRoutes(swFiles, killSwitch, { distDir: config.distDir, assetBaseUrl: config.assetBaseUrl }));

  app.use('/static', staticAssets(config.distDir));
  app.use(publicFiles());
  const images = FsImageStore.inDataDir(config.dataDir);
  const photos = new PhotoPipeline({ store: deps.store, images, logger, workers: config.imageWorkers, seedPhotos: config.seedPhotos });
  app.use('/img', imageRoutes(deps, images, photos));
  const payments = await createPayments(deps);
  // The test gateway's hosted page; a real gateway's page lives on the gateway's own site.
  app.use('/pay/test-gateway', testGatewayPageRoutes(deps, payments.testGateway, { webhookUrl: config.testGatewayWebhookUrl }));

  // Before the catalog is loaded: the feed fixes where it starts, so no change falls between the two.
  const changes = await openChangeFeed({ store: deps.store, connectionString: config.databaseUrl, logger, retentionMs: config.catalogChangesRetentionMs });
  const answers = await CatalogAnswers.open(deps, { maxBytes: config.catalogAnswersBytes, scanForUnannounced: changes === null });
  const stopCartPurge = scheduleGuestCartPurge(deps);
  const push = await createPush(deps, options.push);
  // Every view of the catalog listens now: changes since the feed opened are applied.
  changes?.start();
  // Push knows nothing of wishlists, nor wishlists of push: what an add means to push is wired here.
  const wishlistHooks: WishlistHooks = { onAdd: [(_accountId, productIds) => push.watch(productIds)] };
  await openAuthContext(deps);
  const api = express.Router();
  api.use(apiTiming(deps));
  // One request log and one JSON parser, shared with the order fast path before Express.
  const requestLogger = pinoHttp({ logger });
  // pino-http writes its line at `info`: below that level it would only build a child logger per
  // request (its bindings serialized and redacted) that nothing reads, so it is skipped.
  const logRequest: typeof requestLogger = Object.assign((req: Parameters<typeof requestLogger>[0], res: Parameters<typeof requestLogger>[1], next?: (error?: unknown) => void) => (logger.isLevelEnabled('info') ? requestLogger(req, res, next) : next?.()), { logger: requestLogger.logger });
  const parseJson = express.json({ limit: '64kb', strict: false });
  // One order handler (one group-commit queue), whether Express or the listener's fast path takes the request.
  const placeOrder = createOrderRequestHandler(deps, payments.providers);
  // Reads are neither logged nor parsed: on the busiest paths that work would cost more than the answer.
  api.use(forBodyMethods(logRequest));
  // Before any JSON parsing: webhook signatures are over the raw bytes.
  api.use('/payments/webhook', paymentWebhookRoutes(deps, payments.providers, orderPaymentOutcomes(deps)));
  api.use(requireJson);
  // Not strict: a JSON `null` or number is valid JSON, and the route's schema names what is wrong with it.
  api.use(forBodyMethods(parseJson));
  api.use('/catalog', catalogRoutes(answers));
  api.use('/cart', cartRoutes(deps));
  // Auth knows nothing of carts: what a login means to other domains is wired here.
  api.use('/auth', authRoutes(deps, { onLogin: [mergeGuestCartOnLogin(deps), mergeGuestWishlistOnLogin(deps, wishlistHooks.onAdd), linkPushDeviceOnLogin(deps)] }));
  api.use('/account', accountRoutes(deps));
  api.use('/checkout', checkoutRoutes(deps));
  api.use('/delivery', deliveryRoutes(deps, (productId) => getProductAvailability(deps.store, productId)));
  api.use('/orders', orderRoutes(deps, payments.providers, placeOrder));
  api.use('/wishlist', wishlistRoutes(deps, wishlistHooks));
  api.use('/push', pushRoutes(deps, push));
  api.use((_req, _res, next) => next(new AppError('not-found')));
  app.use('/api', api);

  // One operator check for every operator-only route: the token is read (or made) once.
  const operators = await createOperatorAuth(deps);
  const telemetry = await telemetryRoutes(deps, operators);
  app.use('/foxtrot', telemetry);
  app.use('/ops/api/sw', swOpsRoutes(deps, killSwitch, operators));
  app.use('/ops/api/catalog/answers', answerStatsRoutes(answers, operators, changes));
  app.use('/ops/api/orders', orderOpsRoutes(deps, operators, payments.providers));
  // Before the catalog's ops routes: image bodies are not JSON.
  app.use('/ops/api/catalog/products/:productId/images', uploadRoutes(deps, operators, photos));
  app.use('/ops/api/catalog', catalogOpsRoutes(deps, operators));
  app.use('/ops/api/push', campaignRoutes(deps, push, operators));
  app.use('/ops/catalog/images', opsImagesPage(deps, operators, photos));
  app.use('/ops', opsRoutes(deps, operators));
  app.use(notFoundPage(releases, { assetBaseUrl: config.assetBaseUrl, headers: securityHeaderList }));
  app.use(errorHandler(logger));
  const stopSweeper = startPaymentSweeper(deps.store.db, deps.now, logger);

  // Shells and catalog reads are answered before Express, with the same headers (decisions/0012).
  const listener = createRequestListener(
    app,
    [
      shellAnswerer(releases, { assetBaseUrl: config.assetBaseUrl, headers: securityHeaderList, leadImage: leadImages(answers) }),
      fastCatalogReads(answers, { headers: securityHeaderList, timings: apiTimingRecorder(deps), now: deps.now, fallback: app }),
      fastOrderPlacement({ placeOrder, parseJson, logRequest, headers: securityHeaderList, timings: apiTimingRecorder(deps), now: deps.now, logger }),
    ],
    counter,
    logger,
  );

  return {
    listener,
    app,
    releases,
    answers,
    changes,
    push,
    photos,
    limits,
    drain() {
      draining = true;
    },
    async close() {
      stopSweeper();
      await changes?.close();
      await photos.close();
      await answers.close();
      releases.close();
      killSwitch.close();
      stopCartPurge();
      // Pushes in flight record their outcomes before telemetry closes.
      await push.close();
      await telemetry.close();
      if (ownLimits) await limits.close();
    },
  };
}
