/**
 * The form a bearer token (a session id, a guest cart's or a device's cookie token) is stored in:
 * its SHA-256, hex, so a copy of the table holds no cookie that works. Every signed-in request
 * hashes its cookie: the one-shot `crypto.hash` costs less than half of a Hash object.
 */
import crypto from 'node:crypto';

/** The stored form of `token`. */
export function hashToken(token: string): string {
  return crypto.hash('sha256', token, 'hex');
}
