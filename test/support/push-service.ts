/**
 * A push service of the tests' own: HTTPS on 127.0.0.1 with a certificate made at start (its PEM is
 * written to a file for PUSH_TEST_SERVICE_CA), that does what a real push service does with a
 * push: checks the VAPID token (RFC 8292: ES256 signature by the `k` key, audience, expiry,
 * subject), then decrypts the aes128gcm body (RFC 8188/8291) with the private key of the
 * subscription it handed out, and answers 201 — or, on demand per subscription, 404, 410, 413,
 * 429 (with Retry-After), 5xx or a redirect.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

/** One scripted answer: a status, and headers such as Retry-After or Location. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

/** A push the service accepted or answered, as it arrived. */
export interface ReceivedPush {
  subscriptionId: string;
  status: number;
  /** The decrypted payload (null when decryption is off or failed). */
  payload: string | null;
  ttl: string | undefined;
  urgency: string | undefined;
  topic: string | undefined;
  /** Why the service refused the request itself (bad token, bad encryption), if it did. */
  problem?: string;
}

export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushServiceOptions {
  /** The VAPID public key pushes must be signed with (what the browser subscribed with), if known. */
  applicationServerKey?: string;
  /**
   * Decrypt every push (default), or one in `decryptEvery` (the benchmark: a real push service
   * never decrypts, the sample proves the round trip still holds).
   */
  decrypt?: boolean;
  decryptEvery?: number;
  /** Keep received pushes for the test to read (default); off for the benchmark. */
  keep?: boolean;
  /** Called with every decrypted push (the e2e test relays them to the browser). */
  onPush?: (push: ReceivedPush) => void;
}

export interface TestPushService {
  origin: string;
  /** PEM file of the service's certificate, for PUSH_TEST_SERVICE_CA. */
  caFile: string;
  /** A subscription as a browser would get it; `script` answers its pushes in order, then 201s. */
  subscribe(script?: ScriptedAnswer[] | ((n: number) => ScriptedAnswer)): TestSubscription;
  /** Every push received (when kept). */
  received: ReceivedPush[];
  counts: { requests: number; accepted: number; decrypted: number; byStatus: Record<number, number> };
  close(): Promise<void>;
}

interface Held {
  ecdh: crypto.ECDH;
  publicKey: Buffer;
  auth: Buffer;
  script: ScriptedAnswer[] | ((n: number) => ScriptedAnswer);
  requests: number;
}

/** Starts the service on a random port of 127.0.0.1. */
export async function startPushService(options: PushServiceOptions = {}): Promise<TestPushService> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-service-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, pems.cert);
  const held = new Map<string, Held>();
  const received: ReceivedPush[] = [];
  const counts = { requests: 0, accepted: 0, decrypted: 0, byStatus: {} as Record<number, number> };
  const verifiedTokens = new Set<string>();
  let origin = '';

  const server = https.createServer({ key: pems.private, cert: pems.cert, keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      counts.requests++;
      const answer = (status: number, push: Omit<ReceivedPush, 'status'> | null, headers: Record<string, string> = {}) => {
        counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
        if (status === 201) counts.accepted++;
        if (push) {
          const full = { ...push, status };
          if (options.keep !== false) received.push(full);
          options.onPush?.(full);
        }
        res.writeHead(status, { ...headers, ...(status === 201 ? { Location: `${origin}/message/${crypto.randomUUID()}` } : {}) });
        res.end();
      };
      // The benchmark's baseline: the same HTTPS round trip, with no token or encryption to check.
      if (req.method === 'POST' && req.url?.startsWith('/raw/')) return answer(201, null);
      const match = /^\/push\/([0-9a-f-]{36})$/.exec(req.url ?? '');
      const subscription = match ? held.get(match[1]!) : undefined;
      if (req.method !== 'POST' || !match || !subscription) return answer(404, null);
      const base = { subscriptionId: match[1]!, ttl: header(req, 'ttl'), urgency: header(req, 'urgency'), topic: header(req, 'topic') };
      const problem = checkRequest(req, origin, options.applicationServerKey, verifiedTokens);
      if (problem) return answer(problem.status, { ...base, payload: null, problem: problem.reason });
      let payload: string | null = null;
      const sampled = (counts.requests % (options.decryptEvery ?? 1)) === 0;
      if (options.decrypt !== false && sampled) {
        try {
          payload = decryptAes128gcm(Buffer.concat(chunks), subscription.ecdh, subscription.publicKey, subscription.auth).toString('utf8');
          counts.decrypted++;
        } catch (error) {
          return answer(400, { ...base, payload: null, problem: `cannot decrypt: ${(error as Error).message}` });
        }
      }
      subscription.requests++;
      const scripted = typeof subscription.script === 'function' ? subscription.script(subscription.requests) : subscription.script.shift();
      answer(scripted?.status ?? 201, { ...base, payload }, scripted?.headers);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    caFile,
    received,
    counts,
    subscribe(script = []) {
      const id = crypto.randomUUID();
      const ecdh = crypto.createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = crypto.randomBytes(16);
      held.set(id, { ecdh, publicKey, auth, script: Array.isArray(script) ? [...script] : script, requests: 0 });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function header(req: import('node:http').IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What a push service checks before it takes a push: the VAPID token and the encoding. */
function checkRequest(req: import('node:http').IncomingMessage, origin: string, expectedKey: string | undefined, verified: Set<string>): { status: number; reason: string } | null {
  const auth = header(req, 'authorization') ?? '';
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(auth);
  if (!match) return { status: 401, reason: 'no VAPID authorization' };
  const [, token, key] = match as unknown as [string, string, string];
  if (expectedKey && key !== expectedKey) return { status: 403, reason: 'signed with another key than the subscription\'s' };
  // A token is checked once; the sender reuses it for many pushes, as real ones do.
  if (!verified.has(auth)) {
    const problem = verifyVapidToken(token, key, origin);
    if (problem) return { status: 401, reason: problem };
    verified.add(auth);
  }
  if (header(req, 'content-encoding') !== 'aes128gcm') return { status: 415, reason: 'not aes128gcm' };
  if (header(req, 'ttl') === undefined) return { status: 400, reason: 'no TTL' };
  return null;
}

/** RFC 8292: an ES256 JWT signed by `key` (a raw P-256 point), for this origin, expiring within 24 h. */
export function verifyVapidToken(token: string, key: string, audience: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return 'not a JWT';
  const [head, body, signature] = parts as [string, string, string];
  const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header.alg !== 'ES256') return 'not ES256';
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k is not a P-256 point';
  const publicKey = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  const ok = crypto.verify('sha256', Buffer.from(`${head}.${body}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) return 'bad signature';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== audience) return `audience ${claims.aud} is not ${audience}`;
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 24 * 3600) return 'expiry not within 24 h';
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) return 'subject is not mailto: or https:';
  return null;
}

/** RFC 8291 §3.4 and RFC 8188: one aes128gcm record, decrypted with the user agent's keys. */
export function decryptAes128gcm(body: Buffer, ecdh: crypto.ECDH, uaPublic: Buffer, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`key id of ${idLength} bytes is not a P-256 point`);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end);
}
