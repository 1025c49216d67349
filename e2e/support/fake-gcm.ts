/**
 * A stand-in for the registration half of Chromium's push service (Google's GCM), which a test
 * machine cannot reach: Chromium's `--gcm-checkin-url` and `--gcm-registration-url` point here, so
 * `pushManager.subscribe()` completes for real — the browser makes its own keys, and the endpoint is
 * the one Chromium builds (`https://jmt17.google.com/fcm/send/<token>`). Delivery to the browser
 * goes through DevTools (`ServiceWorker.deliverPushMessage`), as nothing here can reach it.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGcm {
  /** Chromium flags that send its GCM check-in and registration here. */
  flags: string[];
  /** Registration tokens handed out, in order. */
  tokens: string[];
  close(): Promise<void>;
}

/** An AndroidCheckinResponse (protobuf): stats_ok = true, android_id (7) and security_token (8) as fixed64. */
function checkinResponse(): Buffer {
  const body = Buffer.alloc(20);
  body[0] = 0x08;
  body[1] = 0x01;
  body[2] = (7 << 3) | 1;
  body.writeBigUInt64LE(crypto.randomBytes(8).readBigUInt64BE(0) >> 8n, 3);
  body[11] = (8 << 3) | 1;
  body.writeBigUInt64LE(crypto.randomBytes(8).readBigUInt64BE(0) >> 1n, 12);
  return body;
}

export async function startFakeGcm(): Promise<FakeGcm> {
  const tokens: string[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/checkin')) {
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(checkinResponse());
      } else if (req.url?.startsWith('/register')) {
        const token = crypto.randomBytes(24).toString('base64url');
        tokens.push(token);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`token=${token}`);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    flags: [`--gcm-checkin-url=${base}/checkin`, `--gcm-registration-url=${base}/register`],
    tokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
