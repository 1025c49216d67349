/**
 * Told to the holder of the number after a password reset by SMS code alone: if someone else read
 * the code (a forwarded SMS, a swapped SIM), the owner hears of it. No code, no link to follow.
 */
export function passwordResetNoticeBody(host: string): string {
  return `The password of your Storefront account was just reset with a code sent to this number. If this was not you, log in with a new code and set a new password, or contact support at ${host}.`;
}

/** The OTP text. Its last line is the WebOTP origin-bound line, so Android Chrome can fill the code in. */
export function otpSmsBody(code: string, host: string): string {
  return `${code} is your Storefront verification code. It expires in 5 minutes. Do not share it with anyone.\n\n@${host} #${code}`;
}
