/** A shop server wired to a test push service, for the push HTTP tests. */
import type { AppOptions } from '../../server/app';
import { startPushService, type PushServiceOptions, type TestPushService } from './push-service';
import { startServer, type StoreKind, type TestServer } from './server';

export interface PushTestbed {
  server: TestServer;
  service: TestPushService;
  /** Waits the sender asked for between attempts (it does not really wait in tests). */
  waits: number[];
  close(): Promise<void>;
}

/** The test push service, then a server that may send to it; quiet hours off unless `env` says otherwise. */
export async function startPushTestbed(kind: StoreKind, options: { env?: Record<string, string>; service?: PushServiceOptions; app?: AppOptions } = {}): Promise<PushTestbed> {
  const service = await startPushService(options.service);
  const waits: number[] = [];
  const server = await startServer(kind, {
    env: { PUSH_TEST_SERVICE: service.origin, PUSH_TEST_SERVICE_CA: service.caFile, PUSH_QUIET_HOURS: 'off', PUBLIC_ORIGIN: 'https://shop.example', ...options.env },
    app: { push: { sleep: async (ms) => void waits.push(ms), ...options.app?.push } },
  });
  return {
    server,
    service,
    waits,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
