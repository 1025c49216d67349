/** The OTP text. Its last line is the WebOTP origin-bound line, so Android Chrome can fill the code in. */
export function otpSmsBody(code: string, host: string): string {
  return `${code} is your Storefront verification code. It expires in 5 minutes. Do not share it with anyone.\n\n@${host} #${code}`;
}
