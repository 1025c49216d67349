/**
 * The HTTPS agents pushes leave through: kept-alive connections (one TLS handshake per push
 * service, not per push) limited to the send concurrency, and a DNS lookup that only dials public
 * addresses. The test push service gets its own agent trusting only its certificate, so trusting
 * it never widens what the real agent accepts.
 */
import fs from 'node:fs';
import https from 'node:https';
import { guardedLookup, type Resolver, systemResolver } from './endpoint-guard';

export interface PushAgents {
  forEndpoint(test: boolean): https.Agent;
  close(): void;
}

export interface PushAgentOptions {
  maxSockets: number;
  testServiceCaFile: string | null;
  resolve?: Resolver;
}

/** Agents for one server; `close()` ends their idle connections. */
export function createPushAgents(options: PushAgentOptions): PushAgents {
  const common = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
  const real = new https.Agent({ ...common, lookup: guardedLookup(options.resolve ?? systemResolver) });
  const test = options.testServiceCaFile ? new https.Agent({ ...common, ca: fs.readFileSync(options.testServiceCaFile, 'utf8') }) : null;
  return {
    forEndpoint: (isTest) => (isTest && test ? test : real),
    close() {
      real.destroy();
      test?.destroy();
    },
  };
}
