/**
 * Build outputs carry brotli and gzip twins (`file.br`, `file.gz`) written at build time; these
 * pick the one a request accepts, so nothing is compressed per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';

const ENCODINGS = ['br', 'gzip', 'identity'];
const SUFFIX: Record<string, string> = { br: '.br', gzip: '.gz' };

/** Content types of the text assets builds produce. */
export const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The suffix of the twin of `file` to send (`.br`, `.gz`), or '' for the file itself. */
export function twinSuffix(req: IncomingMessage, file: string): string {
  const encoding = new Negotiator(req).encoding(ENCODINGS);
  const suffix = encoding ? SUFFIX[encoding] : undefined;
  return suffix && fs.existsSync(file + suffix) ? suffix : '';
}

/** Content-Type and Content-Encoding of a file that may be a `.br`/`.gz` twin. */
export function twinHeaders(file: string): Array<[string, string]> {
  const original = file.replace(/\.(br|gz)$/, '');
  const type = ASSET_TYPES[path.extname(original)];
  const headers: Array<[string, string]> = [['Vary', 'Accept-Encoding']];
  if (type) headers.push(['Content-Type', type]);
  if (original !== file) headers.push(['Content-Encoding', file.endsWith('.br') ? 'br' : 'gzip']);
  return headers;
}
