/** Server configuration, read once from the environment and validated. */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  DIST_DIR: z.string().default('./dist'),
  ASSET_BASE_URL: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Cookies lose `Secure` (and the `__Host-` prefix) only when this is set, for plain-HTTP LAN testing. */
  INSECURE_COOKIES: z.enum(['0', '1']).default('0'),
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(200_000).default(2400),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  distDir: string;
  assetBaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  secureCookies: boolean;
  seedProducts: number;
}

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
    distDir: path.resolve(e.DIST_DIR),
    assetBaseUrl: e.ASSET_BASE_URL.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    secureCookies: e.INSECURE_COOKIES === '0',
    seedProducts: e.SEED_PRODUCTS,
  };
}
