/** What a password must be: 8 to 128 characters, not only spaces, and not one everybody guesses first. */
import { AppError } from '../../errors/app-error';

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

// The most common choices of 8+ characters in public breach lists; a full list belongs in a service.
const COMMON = new Set([
  '12345678', '123456789', '1234567890', 'password', 'password1', 'password123', 'qwertyuiop', 'iloveyou', '11111111',
  '00000000', '87654321', 'qwerty123', '1q2w3e4r', 'abcd1234', 'abc12345', 'sunshine', 'princess', 'football',
  'baseball', 'welcome1', 'admin123', 'asdfghjk', 'india123', 'india@123', 'pass@123', 'password@123', 'qwertyui', '123123123',
]);

/** Throws `weak-password` (with the reason) unless the password is acceptable. */
export function checkPassword(password: string): void {
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD) throw new AppError('weak-password', { reason: 'too-short', min: MIN_PASSWORD });
  if (length > MAX_PASSWORD) throw new AppError('weak-password', { reason: 'too-long', max: MAX_PASSWORD });
  if (password.trim() === '') throw new AppError('weak-password', { reason: 'blank' });
  if (COMMON.has(password.toLowerCase())) throw new AppError('weak-password', { reason: 'common' });
}
