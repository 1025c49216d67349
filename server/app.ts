/**
 * The Express app factory. It never listens: `main.ts` does, and tests start it on a random port.
 */
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { publicFiles } from './assets/public-files';
import { staticAssets } from './assets/static-assets';
import { accountRoutes } from './auth/account-routes';
import { authRoutes } from './auth/auth-routes';
import { mergeGuestCartOnLogin } from './cart/guest-cart-on-login';
import { cartRoutes } from './cart/routes';
import { catalogRoutes } from './catalog/routes';
import type { ServerDeps } from './deps';
import { AppError } from './errors/app-error';
import { errorHandler } from './http/error-handler';
import { requireJson } from './http/require-json';
import { ReleaseRegistry } from './shells/release-registry';
import { notFoundPage, shellRoutes } from './shells/shell-routes';
import { captureHeaders, securityHeaders } from './http/security-headers';
import { imageRoutes } from './catalog/image-routes';
import { createOperatorAuth } from './http/operators/operator-auth';
import { opsRoutes } from './ops/routes';
import { telemetryRoutes } from './telemetry/routes';
import { KillSwitch } from './pwa/kill-switch';
import { swOpsRoutes } from './pwa/ops-routes';
import { requestCounter } from './pwa/request-counter';
import { SwFiles } from './pwa/sw-files';
import { swRoutes } from './pwa/sw-routes';
import { apiTiming } from './telemetry/api-timing';
import { catalogOpsRoutes } from './catalog/ops-routes';
import { orderOpsRoutes } from './orders/ops-routes';
import { checkoutRoutes, orderRoutes } from './orders/order-routes';
import { startPaymentSweeper } from './orders/abandoned-payments';
import { orderPaymentOutcomes } from './orders/payment-settlement';
import { createPayments } from './payments/providers';
import { testGatewayPageRoutes } from './payments/test-gateway/pay-routes';
import { paymentWebhookRoutes } from './payments/webhook-routes';

export interface ShopApp {
  app: Express;
  releases: ReleaseRegistry;
  close(): Promise<void>;
}

/** Builds the shop's HTTP app from its dependencies. */
export async function createApp(deps: ServerDeps): Promise<ShopApp> {
  const { config, logger } = deps;
  const releases = await ReleaseRegistry.open({ distDir: config.distDir, assetBaseUrl: config.assetBaseUrl, logger });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  // Test-only (COUNT_REQUESTS=1): lets e2e tests prove the worker, not the server, answered.
  const counter = requestCounter();
  if (counter) app.use(counter);

  const security = securityHeaders(config.assetBaseUrl);
  // Shells first: the hottest path, answered with the same security headers plus a nonce-based CSP.
  app.use(shellRoutes(releases, { assetBaseUrl: config.assetBaseUrl, headers: captureHeaders(security) }));
  app.use(security);
  const killSwitch = await KillSwitch.open(deps.store, logger);
  const swFiles = new SwFiles(releases, killSwitch, { distDir: config.distDir, assetBaseUrl: config.assetBaseUrl, logger });
  app.use(swRoutes(swFiles, killSwitch, { distDir: config.distDir, assetBaseUrl: config.assetBaseUrl }));

  app.use('/static', staticAssets(config.distDir));
  app.use(publicFiles());
  app.use('/img', imageRoutes(deps));
  const payments = await createPayments(deps);
  // The test gateway's hosted page; a real gateway's page lives on the gateway's own site.
  app.use('/pay/test-gateway', testGatewayPageRoutes(deps, payments.testGateway, { webhookUrl: config.testGatewayWebhookUrl }));

  const api = express.Router();
  api.use(apiTiming(deps));
  api.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.method === 'GET' } }));
  // Before any JSON parsing: webhook signatures are over the raw bytes.
  api.use('/payments/webhook', paymentWebhookRoutes(deps, payments.providers, orderPaymentOutcomes(deps)));
  api.use(requireJson);
  // Not strict: a JSON `null` or number is valid JSON, and the route's schema names what is wrong with it.
  api.use(express.json({ limit: '64kb', strict: false }));
  api.use('/catalog', await catalogRoutes(deps));
  api.use('/cart', cartRoutes(deps));
  // Auth knows nothing of carts: what a login means to other domains is wired here.
  api.use('/auth', authRoutes(deps, { onLogin: [mergeGuestCartOnLogin(deps)] }));
  api.use('/account', accountRoutes(deps));
  api.use('/checkout', checkoutRoutes(deps));
  api.use('/orders', orderRoutes(deps, payments.providers));
  api.use((_req, _res, next) => next(new AppError('not-found')));
  app.use('/api', api);

  // One operator check for every operator-only route: the token is read (or made) once.
  const operators = createOperatorAuth(deps);
  const telemetry = await telemetryRoutes(deps, operators);
  app.use('/foxtrot', telemetry);
  app.use('/ops/api/sw', swOpsRoutes(deps, killSwitch, operators));
  app.use('/ops/api/orders', orderOpsRoutes(deps, operators, payments.providers));
  app.use('/ops/api/catalog', catalogOpsRoutes(deps, operators));
  app.use('/ops', opsRoutes(deps, operators));
  app.use(notFoundPage(releases, { assetBaseUrl: config.assetBaseUrl, headers: captureHeaders(security) }));
  app.use(errorHandler(logger));
  const stopSweeper = startPaymentSweeper(deps.store.db, deps.now, logger);

  return {
    app,
    releases,
    async close() {
      stopSweeper();
      releases.close();
      killSwitch.close();
      await telemetry.close();
    },
  };
}
