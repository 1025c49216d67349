/**
 * The operator token: `OPS_TOKEN` from the environment, or one generated on first start and kept in
 * `DATA_DIR/ops-token` (mode 0600) so restarts and other processes on the same data agree.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/** Shorter tokens are guessable over a network; refuse them rather than run with one. */
export const MIN_TOKEN_LENGTH = 24;
export const TOKEN_FILE = 'ops-token';

/** The token to accept; generates and persists one when neither the environment nor the file has it. */
export function loadOperatorToken(dataDir: string, fromEnv: string | undefined, logger: Logger): string {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_TOKEN_LENGTH) throw new TypeError(`Invalid configuration:\n  OPS_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters`);
    return fromEnv;
  }
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    const saved = fs.readFileSync(file, 'utf8').trim();
    if (saved.length >= MIN_TOKEN_LENGTH) return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  // Written under a temporary name with its final mode, so no other user can read it in between.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, token + '\n', { mode: 0o600 });
  fs.renameSync(temp, file);
  // The path, never the token: logs travel further than the data folder.
  logger.info({ file }, `generated an operator token for /ops/console; read it from ${file} (or set OPS_TOKEN)`);
  return token;
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string, token: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}
