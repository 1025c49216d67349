/** Server configuration, read once from the environment and validated. */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Push services of the browsers the shop supports: Chrome and Android (FCM; Chromium builds use jmt17), Firefox, Safari, Edge. */
export const DEFAULT_PUSH_HOSTS = ['fcm.googleapis.com', 'jmt17.google.com', 'updates.push.services.mozilla.com', '*.push.apple.com', '*.notify.windows.com'];

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  /** Redis (`redis://…`): the nodes' shared hot tier for rate limits and lockouts; the store keeps them when unset. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** Longest a SIGTERM waits for requests in flight before the server closes anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** SQLite commit durability: `normal` survives a crash of the process, `full` also a power cut (slower). */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  DIST_DIR: z.string().default('./dist'),
  ASSET_BASE_URL: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Cookies lose `Secure` (and the `__Host-` prefix) only when this is set, for plain-HTTP LAN testing. */
  INSECURE_COOKIES: z.enum(['0', '1']).default('0'),
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(200_000).default(2400),
  /** The shop's host name as shoppers see it; it ends every SMS (`@host #code`) for WebOTP. */
  PUBLIC_HOST: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i).default('localhost'),
  /** Key for hashing OTPs (at least 32 characters); made once and kept in the store when unset, so every node checks what another issued. */
  OTP_HMAC_KEY: z.string().min(32).optional(),
  /** `outbox` appends to DATA_DIR/outbox/sms.jsonl; `twilio` sends through Twilio's HTTP API. */
  SMS_PROVIDER: z.enum(['outbox', 'twilio']).default('outbox'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/i).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_API_BASE: z.string().url().default('https://api.twilio.com'),
  /** Megabytes of encoded catalog answers (JSON, gzip, brotli) kept in memory at most. */
  CATALOG_ANSWERS_MB: z.coerce.number().min(0.1).max(4096).default(64),
  /** PostgreSQL: hours the catalog's change rows are kept (a node cut off for longer reloads the whole catalog). */
  CATALOG_CHANGES_RETENTION_HOURS: z.coerce.number().min(0.01).max(24 * 365).default(24),
  /** OTP SMS one client IP may ask for per hour, over every number. */
  AUTH_IP_SENDS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Signing secret of the test payment gateway (at least 32 characters); generated into the store when unset. */
  TEST_GATEWAY_SECRET: z.string().min(32).optional(),
  /** Where the test gateway posts its webhooks; by default the address the payment page was served on. */
  TEST_GATEWAY_WEBHOOK_URL: z.string().url().optional(),
  /** Which proxies to believe about the client's address and scheme: a hop count, or addresses and CIDR ranges. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^\d{1,2}$/.test(v) || v.split(',').every((part) => isTrustEntry(part.trim())), 'must be a hop count (e.g. 1) or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.0/8, loopback)'),
  /** Where the telemetry event files live; give it its own volume so telemetry can never fill the shop's disk. */
  TELEMETRY_DIR: z.string().optional(),
  /** Telemetry bytes one client address (an IPv6 /64) may post per minute; a burst of one minute's worth (at least 1 MB) is allowed. */
  TELEMETRY_IP_KB_PER_MIN: z.coerce.number().int().min(1).max(1e9).default(1024),
  /** Telemetry bytes all clients together may post per minute. */
  TELEMETRY_GLOBAL_MB_PER_MIN: z.coerce.number().int().min(1).max(1e7).default(120),
  /** Size at which a telemetry table takes no more events until old ones expire. */
  TELEMETRY_TABLE_MAX_MB: z.coerce.number().int().min(1).max(1e7).default(1024),
  /** Longest an analytics or FQL query may run. */
  TELEMETRY_QUERY_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(15_000),
  /** Embedded store: longest acknowledged events wait in the ingest log before DuckDB loads them (fewer than a row group arriving). */
  TELEMETRY_LOAD_AFTER_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  /** PostgreSQL role analytics queries run as (read-only, sees only the events); created when missing. */
  TELEMETRY_PG_ROLE: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('sf_telemetry_reader'),
  /** Documents a telemetry table sees before its frequent, stable fields become typed columns; `off` keeps every field in the JSON. */
  TELEMETRY_COLUMNS_AFTER: z.union([z.literal('off'), z.coerce.number().int().min(1).max(1e9)]).default(1000),
  /** Where the shop is reached, for absolute links in push notifications; `https://PUBLIC_HOST` when unset. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  /** VAPID key pair (base64url, as `web-push generate-vapid-keys` prints them); made and kept in the store when unset. */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key (87 characters)').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key (43 characters)').optional(),
  /** Who push services contact about this sender: a `mailto:` address or an `https:` page. */
  VAPID_SUBJECT: z.string().refine(isVapidSubject, 'must be mailto:<address> or an https: URL of a real host').optional(),
  /** Push services the shop sends to: host names, or `*.suffix` for every host under it. */
  PUSH_ALLOWED_HOSTS: z.string().default(DEFAULT_PUSH_HOSTS.join(',')),
  /** Tests only: one extra push service (`https://127.0.0.1:<port>`) and the PEM file of its certificate. */
  PUSH_TEST_SERVICE: z.url({ protocol: /^https$/ }).optional(),
  PUSH_TEST_SERVICE_CA: z.string().min(1).optional(),
  /** Pushes in flight at once. */
  PUSH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  /** Campaign pushes a shopper gets at most per PUSH_CAMPAIGN_CAP_HOURS. */
  PUSH_CAMPAIGN_CAP: z.coerce.number().int().min(1).max(100).default(2),
  PUSH_CAMPAIGN_CAP_HOURS: z.coerce.number().int().min(1).max(24 * 31).default(24),
  /** Hours (local to PUSH_TIMEZONE) when campaigns wait: `start-end`, e.g. `21-9`; `off` for none. */
  PUSH_QUIET_HOURS: z.string().regex(/^(off|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, 'must be `start-end` hours (e.g. 21-9) or off').default('21-9'),
  PUSH_TIMEZONE: z.string().refine(isTimeZone, 'is not an IANA time zone').default('Asia/Kolkata'),
  /** Worker threads that process product photos (each runs one photo at a time). */
  IMAGE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** `demand`: a seeded drawing becomes a photo the first time it is viewed; `off`: drawings only. */
  SEED_PHOTOS: z.enum(['demand', 'off']).default('demand'),
});

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A proxy address Express's `trust proxy` understands: a name, an address, or an address/prefix. */
function isTrustEntry(entry: string): boolean {
  if (TRUST_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  /** The shared hot tier, when there is one. */
  redisUrl: string | undefined;
  shutdownGraceMs: number;
  sqliteSynchronous: 'normal' | 'full';
  distDir: string;
  assetBaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  secureCookies: boolean;
  seedProducts: number;
  publicHost: string;
  otpHmacKey: string | undefined;
  sms: SmsConfig;
  authIpSendsPerHour: number;
  testGatewaySecret: string | undefined;
  testGatewayWebhookUrl: string | undefined;
  catalogAnswersBytes: number;
  /** PostgreSQL: how long the catalog's change rows are kept. */
  catalogChangesRetentionMs: number;
  /** Express's `trust proxy`: false, a hop count, or a list of addresses and ranges. */
  trustProxy: boolean | number | string[];
  telemetry: TelemetryConfig;
  /** Worker threads that process product photos. */
  imageWorkers: number;
  /** `demand`: a seeded drawing becomes a photo the first time it is viewed; `off`: drawings only. */
  seedPhotos: 'demand' | 'off';
  /** Origin of links in notifications, without a trailing slash. */
  publicOrigin: string;
  push: PushConfig;
}

export interface TelemetryConfig {
  dir: string;
  ipBytesPerMinute: number;
  globalBytesPerMinute: number;
  tableMaxBytes: number;
  queryTimeoutMs: number;
  /** Embedded store: longest acknowledged events wait before they are loaded into DuckDB. */
  loadAfterMs: number;
  pgRole: string;
  /** Documents a table sees before it gets typed columns; 0: never. */
  columnsAfter: number;
}

export interface PushConfig {
  vapid: { publicKey: string; privateKey: string } | null;
  subject: string;
  allowedHosts: string[];
  testService: { origin: string; caFile: string } | null;
  concurrency: number;
  campaignCap: { count: number; windowMs: number };
  /** Local hours [start, end) when campaigns wait; null when there are none. */
  quietHours: { start: number; end: number } | null;
  timeZone: string;
}

export type SmsConfig =
  | { provider: 'outbox' }
  | { provider: 'twilio'; accountSid: string; authToken: string; from: string; apiBase: string };

/** Reads the configuration from `env`; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new TypeError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    distDir: path.resolve(e.DIST_DIR),
    assetBaseUrl: e.ASSET_BASE_URL.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    secureCookies: e.INSECURE_COOKIES === '0',
    seedProducts: e.SEED_PRODUCTS,
    publicHost: e.PUBLIC_HOST,
    otpHmacKey: e.OTP_HMAC_KEY,
    sms: smsConfig(e),
    authIpSendsPerHour: e.AUTH_IP_SENDS_PER_HOUR,
    testGatewaySecret: e.TEST_GATEWAY_SECRET,
    testGatewayWebhookUrl: e.TEST_GATEWAY_WEBHOOK_URL,
    catalogAnswersBytes: Math.round(e.CATALOG_ANSWERS_MB * 1024 * 1024),
    catalogChangesRetentionMs: Math.round(e.CATALOG_CHANGES_RETENTION_HOURS * 3_600_000),
    trustProxy: e.TRUST_PROXY === '' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.split(',').map((s) => s.trim()),
    telemetry: {
      dir: path.resolve(e.TELEMETRY_DIR ?? path.join(e.DATA_DIR, 'telemetry')),
      ipBytesPerMinute: e.TELEMETRY_IP_KB_PER_MIN * 1024,
      globalBytesPerMinute: e.TELEMETRY_GLOBAL_MB_PER_MIN * 1024 * 1024,
      tableMaxBytes: e.TELEMETRY_TABLE_MAX_MB * 1024 * 1024,
      queryTimeoutMs: e.TELEMETRY_QUERY_TIMEOUT_MS,
      loadAfterMs: e.TELEMETRY_LOAD_AFTER_MS,
      pgRole: e.TELEMETRY_PG_ROLE,
      columnsAfter: e.TELEMETRY_COLUMNS_AFTER === 'off' ? 0 : e.TELEMETRY_COLUMNS_AFTER,
    },
    publicOrigin: (e.PUBLIC_ORIGIN ?? `https://${e.PUBLIC_HOST}`).replace(/\/$/, ''),
    push: pushConfig(e),
    imageWorkers: e.IMAGE_WORKERS,
    seedPhotos: e.SEED_PHOTOS,
  };
}

function pushConfig(e: z.infer<typeof schema>): PushConfig {
  if ((e.VAPID_PUBLIC_KEY === undefined) !== (e.VAPID_PRIVATE_KEY === undefined)) {
    throw new TypeError('Invalid configuration:\n  VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both or neither');
  }
  if ((e.PUSH_TEST_SERVICE === undefined) !== (e.PUSH_TEST_SERVICE_CA === undefined)) {
    throw new TypeError('Invalid configuration:\n  PUSH_TEST_SERVICE and PUSH_TEST_SERVICE_CA go together: set both or neither');
  }
  const quiet = /^(\d+)-(\d+)$/.exec(e.PUSH_QUIET_HOURS);
  return {
    vapid: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY } : null,
    subject: e.VAPID_SUBJECT ?? `mailto:push@${e.PUBLIC_HOST.replace(/:\d+$/, '')}`,
    allowedHosts: e.PUSH_ALLOWED_HOSTS.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean),
    testService: e.PUSH_TEST_SERVICE && e.PUSH_TEST_SERVICE_CA ? { origin: new URL(e.PUSH_TEST_SERVICE).origin, caFile: path.resolve(e.PUSH_TEST_SERVICE_CA) } : null,
    concurrency: e.PUSH_CONCURRENCY,
    campaignCap: { count: e.PUSH_CAMPAIGN_CAP, windowMs: e.PUSH_CAMPAIGN_CAP_HOURS * 3_600_000 },
    quietHours: quiet && quiet[1] !== quiet[2] ? { start: Number(quiet[1]), end: Number(quiet[2]) } : null,
    timeZone: e.PUSH_TIMEZONE,
  };
}

/** `mailto:someone@example.com`, or an `https:` URL whose host is not a local name. */
function isVapidSubject(value: string): boolean {
  if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !/^(localhost|127\.|\[)/.test(url.hostname);
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function smsConfig(e: z.infer<typeof schema>): SmsConfig {
  if (e.SMS_PROVIDER === 'outbox') return { provider: 'outbox' };
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_FROM) {
    throw new TypeError('Invalid configuration:\n  SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM');
  }
  return { provider: 'twilio', accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiBase: e.TWILIO_API_BASE.replace(/\/$/, '') };
}
