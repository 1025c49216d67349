/** The password policy the server applies (`weak-password`), checked before sending. */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** The hint under every field that sets a new password. */
export const NEW_PASSWORD_HINT = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few words you will remember work well.`;

/** Why a new password would be refused, or null; the server also refuses very common ones. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return 'Enter a password.';
  if (password.trim().length === 0) return 'A password cannot be only spaces.';
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** The message for the server's `weak-password` answer, by its `details.reason`. */
export function weakPasswordMessage(details: unknown): string {
  switch ((details as { reason?: unknown } | null)?.reason) {
    case 'too-short':
      return `Use at least ${PASSWORD_MIN} characters.`;
    case 'too-long':
      return `Use at most ${PASSWORD_MAX} characters.`;
    case 'blank':
      return 'A password cannot be only spaces.';
    case 'common':
      return 'This password is too common and easy to guess. Choose another one.';
    default:
      return `Choose a password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters that is not a common one.`;
  }
}
