/**
 * SIGTERM (and SIGINT) drain a node: `/readyz` turns 503 so balancers stop sending, the server
 * stops accepting connections, requests in flight finish (each answer closes its connection),
 * then the app closes (queued telemetry written, store and Redis closed) and the process exits.
 * Requests still running after the grace period are cut, so a stuck request cannot hold a deploy.
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';

export interface Drainable {
  /** Marks the node as draining (readiness fails from now on). */
  drain(): void;
  /** Closes everything the app opened; resolves when queued work is written. */
  close(): Promise<void>;
}

/** Installs the handlers; `exit` is `process.exit` outside tests. */
export function shutDownGracefully(server: Server, shop: Drainable, options: { graceMs: number; logger: Logger; exit?: (code: number) => void }): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const shutdown = (signal: string): void => {
    if (started) return;
    started = true;
    options.logger.info({ signal, graceMs: options.graceMs }, 'draining: finishing requests in flight');
    shop.drain();
    // Keep-alive connections would carry new requests to a closing node: each answer from now on closes its own.
    server.on('request', (_req, res) => {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    });
    const cut = setTimeout(() => {
      options.logger.warn('grace period over: closing the connections still open');
      server.closeAllConnections();
    }, options.graceMs);
    cut.unref();
    // Connections idle between requests are closed as they become idle, so no new request arrives on them.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
    server.close(() => {
      clearTimeout(cut);
      clearInterval(idle);
      shop
        .close()
        .then(() => {
          options.logger.info('drained; exiting');
          exit(0);
        })
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'could not close cleanly');
          exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
