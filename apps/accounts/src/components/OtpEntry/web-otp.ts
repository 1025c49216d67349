/** The WebOTP API: on Android Chrome, reads the code from the SMS (ending "@host #123456") once the shopper allows it. */

interface OtpCredential {
  code: string;
}

/** Whether this browser offers WebOTP. */
export function webOtpAvailable(): boolean {
  return typeof window !== 'undefined' && 'OTPCredential' in window;
}

/** Waits for the code of the next SMS; resolves null when aborted, refused or not offered. */
export async function receiveSmsCode(signal: AbortSignal): Promise<string | null> {
  if (!webOtpAvailable()) return null;
  try {
    // `otp` is not in TypeScript's DOM types yet.
    const options = { otp: { transport: ['sms'] }, signal } as unknown as CredentialRequestOptions;
    const credential = (await navigator.credentials.get(options)) as OtpCredential | null;
    return credential?.code ?? null;
  } catch {
    // Aborted (the shopper typed the code), dismissed, or unsupported on this device.
    return null;
  }
}
