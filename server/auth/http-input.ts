/** Reading auth request bodies: numbers, codes and passwords, each refused with its own stable code. */
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { parseMobile } from './mobile/mobile-number';
import { OTP_PATTERN } from './otp/otp-code';

/** The JSON object body (none counts as `{}`), or `bad-request`; unknown fields are refused. */
export function readBody<K extends string>(req: Request, fields: readonly K[]): Partial<Record<K, unknown>> {
  const body: unknown = req.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('bad-request', undefined, 'Send a JSON object.');
  const unknown = Object.keys(body).filter((key) => !(fields as readonly string[]).includes(key));
  if (unknown.length > 0) throw new AppError('bad-request', { unknownFields: unknown.slice(0, 5) }, 'The request has fields we do not know.');
  return body as Partial<Record<K, unknown>>;
}

export function readMobile(value: unknown): string {
  return parseMobile(value);
}

/** Six digits, or `invalid-code`; a malformed code does not use up a try. */
export function readCode(value: unknown): string {
  if (typeof value !== 'string' || !OTP_PATTERN.test(value)) throw new AppError('invalid-code');
  return value;
}

/** A string password of sane size (policy is checked where a password is set). */
export function readPassword(value: unknown): string {
  return parseInput(z.string().min(1, 'is required').max(1024, 'is too long'), value, 'password');
}
