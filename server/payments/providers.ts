/** The shop's payment providers, made once per app: today the test gateway, with its secret from the store or `TEST_GATEWAY_SECRET`. */
import type { ServerDeps } from '../deps';
import type { PaymentProviders } from './payment-provider';
import { sharedSecret } from './shop-secrets';
import { createTestGateway, TEST_GATEWAY_SECRET_NAME, type TestGateway } from './test-gateway/test-gateway';

export interface Payments {
  providers: PaymentProviders;
  testGateway: TestGateway;
}

/** Loads (or creates) the providers' secrets and builds the providers. */
export async function createPayments(deps: ServerDeps): Promise<Payments> {
  const secret = await sharedSecret(deps.store.db, TEST_GATEWAY_SECRET_NAME, deps.now(), deps.config.testGatewaySecret);
  const testGateway = createTestGateway(secret);
  return { providers: new Map([[testGateway.name, testGateway]]), testGateway };
}
