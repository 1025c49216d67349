/** Server configuration, read once from the environment and validated. */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
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
  /** Key for hashing OTPs (at least 32 characters); generated under DATA_DIR when unset. Set it when instances share a database. */
  OTP_HMAC_KEY: z.string().min(32).optional(),
  /** `outbox` appends to DATA_DIR/outbox/sms.jsonl; `twilio` sends through Twilio's HTTP API. */
  SMS_PROVIDER: z.enum(['outbox', 'twilio']).default('outbox'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/i).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_API_BASE: z.string().url().default('https://api.twilio.com'),
  /** Megabytes of encoded catalog answers (JSON, gzip, brotli) kept in memory at most. */
  CATALOG_ANSWERS_MB: z.coerce.number().min(0.1).max(4096).default(64),
  /** OTP SMS one client IP may ask for per hour, over every number. */
  AUTH_IP_SENDS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Signing secret of the test payment gateway (at least 32 characters); generated into the store when unset. */
  TEST_GATEWAY_SECRET: z.string().min(32).optional(),
  /** Where the test gateway posts its webhooks; by default the address the payment page was served on. */
  TEST_GATEWAY_WEBHOOK_URL: z.string().url().optional(),
  /** Worker threads that process product photos (each runs one photo at a time). */
  IMAGE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** `demand`: a seeded drawing becomes a photo the first time it is viewed; `off`: drawings only. */
  SEED_PHOTOS: z.enum(['demand', 'off']).default('demand'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
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
  imageWorkers: number;
  seedPhotos: 'demand' | 'off';
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
    imageWorkers: e.IMAGE_WORKERS,
    seedPhotos: e.SEED_PHOTOS,
  };
}

function smsConfig(e: z.infer<typeof schema>): SmsConfig {
  if (e.SMS_PROVIDER === 'outbox') return { provider: 'outbox' };
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_FROM) {
    throw new TypeError('Invalid configuration:\n  SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM');
  }
  return { provider: 'twilio', accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiBase: e.TWILIO_API_BASE.replace(/\/$/, '') };
}
