/** Indian mobile numbers: what a person types, normalised to `+91XXXXXXXXXX`, or refused. */
import { AppError } from '../../errors/app-error';

const SEPARATORS = /[\s\-().]/g;
/** Indian mobile numbers have 10 digits and start with 6, 7, 8 or 9. */
const NATIONAL = /^[6-9]\d{9}$/;

/** The `+91XXXXXXXXXX` form of `input`, or null when it is not an Indian mobile number. */
export function normaliseMobile(input: string): string | null {
  if (input.length > 32) return null;
  let digits = input.replace(SEPARATORS, '');
  if (digits.startsWith('+91')) digits = digits.slice(3);
  else if (digits.startsWith('0091') && digits.length === 14) digits = digits.slice(4);
  else if (digits.startsWith('91') && digits.length === 12) digits = digits.slice(2);
  else if (digits.startsWith('0') && digits.length === 11) digits = digits.slice(1);
  return NATIONAL.test(digits) ? `+91${digits}` : null;
}

/** Like `normaliseMobile`, but throws `invalid-mobile` for anything that is not a number we can text. */
export function parseMobile(input: unknown): string {
  const mobile = typeof input === 'string' ? normaliseMobile(input) : null;
  if (!mobile) throw new AppError('invalid-mobile');
  return mobile;
}

/** `+91******3210`: enough for a person to recognise their number on screen. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}******${mobile.slice(-4)}`;
}
