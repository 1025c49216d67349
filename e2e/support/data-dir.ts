/** The data folder of the server the tests run against (set once by playwright.config.ts). */
import fs from 'node:fs';
import path from 'node:path';

export function e2eDataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run the tests through playwright.config.ts');
  return dir;
}

/** Headers that make a request an operator's: the server's operator token, from its data folder. */
export function operatorHeaders(): { authorization: string } {
  const token = process.env.OPS_TOKEN || fs.readFileSync(path.join(e2eDataDir(), 'ops-token'), 'utf8').trim();
  return { authorization: `Bearer ${token}` };
}
