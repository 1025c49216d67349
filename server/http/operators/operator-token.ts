/**
 * The operator token: `OPS_TOKEN` from the environment, or one generated on first start and kept in
 * the store, so every node, restart and operator command agrees (and a copy in `DATA_DIR/ops-token`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { sharedSecret } from '../../cluster/shared-secret';
import type { Database } from '../../store/schema';

/** Weaker tokens are guessable over a network; refuse them rather than run with one. */
export const MIN_TOKEN_BITS = 128;
export const TOKEN_FILE = 'ops-token';

const CLASSES: [RegExp, number][] = [
  [/[0-9]/, 10],
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[^0-9a-zA-Z]/, 33],
];

/**
 * Bits of a token as if each character were drawn at random from the alphabet it seems drawn
 * from: hex digits, base64url, or the character classes it uses. Patterns are not random draws: a token that
 * repeats itself counts once, and one of few distinct characters counts only as many bits per
 * character as it has characters.
 */
export function estimateTokenBits(token: string): number {
  const all = [...token];
  const chars = all.slice(0, shortestPeriod(all));
  const alphabet = /^([0-9a-f]+|[0-9A-F]+)$/.test(token) ? 16 : /^[\w-]+$/.test(token) ? 64 : CLASSES.reduce((n, [re, size]) => (re.test(token) ? n + size : n), 0);
  const distinct = new Set(chars).size;
  const perChar = distinct < Math.min(alphabet, 16) / 2 ? Math.log2(Math.max(distinct, 1)) : Math.log2(alphabet);
  return Math.floor(chars.length * perChar);
}

/** Length of the shortest unit that `chars` is made of, repeated whole (its own length when none). */
function shortestPeriod(chars: string[]): number {
  for (let p = 1; p <= chars.length / 2; p++) {
    if (chars.length % p === 0 && chars.every((c, i) => i < p || c === chars[i - p])) return p;
  }
  return chars.length;
}

function checkStrength(token: string, source: string): string {
  const bits = estimateTokenBits(token);
  if (bits < MIN_TOKEN_BITS) {
    throw new TypeError(
      `Invalid configuration:\n  ${source}: the operator token has about ${bits} bits; it needs at least ${MIN_TOKEN_BITS} (for example \`openssl rand -hex 32\`)`,
    );
  }
  return token;
}

/** The store's name of the operator token. */
export const TOKEN_SECRET = 'ops.token';

/**
 * The token to accept: OPS_TOKEN when set, otherwise the store's (made on first start, or moved
 * there from an older version's `DATA_DIR/ops-token`), so every node accepts the same token and
 * every node's operator sessions. Each node also keeps a copy in `DATA_DIR/ops-token` (mode
 * 0600) for the operator to read; the store's value wins over a copy that differs.
 */
export async function loadOperatorToken(db: Kysely<Database>, dataDir: string, fromEnv: string | undefined, logger: Logger, now = Date.now()): Promise<string> {
  if (fromEnv !== undefined && fromEnv !== '') return checkStrength(fromEnv, 'OPS_TOKEN');
  const file = path.join(dataDir, TOKEN_FILE);
  const copy = readCopy(file);
  // A weak token in an old file is refused before it could become the store's.
  if (copy !== undefined) checkStrength(copy, file);
  const secret = await sharedSecret(db, TOKEN_SECRET, now, file);
  const token = checkStrength(secret.value, `the store's operator token (shop_secrets '${TOKEN_SECRET}')`);
  if (copy !== token) {
    fs.mkdirSync(dataDir, { recursive: true });
    // Written under a temporary name with its final mode, so no other user can read it in between.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, token + '\n', { mode: 0o600 });
    fs.renameSync(temp, file);
    // The path, never the token: logs travel further than the data folder.
    if (secret.origin === 'created') logger.info({ file }, `generated an operator token for /ops/console; read it from ${file} (or set OPS_TOKEN)`);
  }
  return token;
}

function readCopy(file: string): string | undefined {
  try {
    const saved = fs.readFileSync(file, 'utf8').trim();
    return saved.length > 0 ? saved : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string, token: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}
