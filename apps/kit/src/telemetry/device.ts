/** What the event context says about the phone: OS, its version and the browser, from the user agent. */

export interface Device {
  os: string;
  osVersion: string;
  browser: string;
}

// Order matters: Android and iOS user agents also name Linux and Mac OS X.
const OS_PATTERNS: Array<[string, RegExp]> = [
  ['android', /Android (\d+(?:\.\d+)?)/],
  ['ios', /(?:iPhone|iPad|iPod).*? OS (\d+(?:_\d+)?)/],
  ['windows', /Windows NT (\d+\.\d+)/],
  ['macos', /Mac OS X (\d+(?:[._]\d+)?)/],
  ['chromeos', /CrOS \S+ (\d+)/],
  ['linux', /Linux()/],
];

// Browsers built on Chrome name Chrome too, so they come first.
const BROWSERS: Array<[string, RegExp]> = [
  ['samsung', /SamsungBrowser\//],
  ['edge', /Edg(?:A|iOS)?\//],
  ['opera', /OPR\//],
  ['firefox', /Firefox\/|FxiOS\//],
  ['chrome', /Chrome\/|CriOS\//],
  ['safari', /Safari\//],
];

/** Reads OS, OS version (`14`, `17.2`) and browser from a user agent; `unknown` when it can't tell. */
export function readDevice(userAgent: string): Device {
  let os = 'unknown';
  let osVersion = 'unknown';
  for (const [name, pattern] of OS_PATTERNS) {
    const match = pattern.exec(userAgent);
    if (match) {
      os = name;
      osVersion = match[1] ? match[1].replace('_', '.') : 'unknown';
      break;
    }
  }
  const browser = BROWSERS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? 'unknown';
  return { os, osVersion, browser };
}

/** `{major, minor}` from a release label such as `2.4.1` or `2026.11.3`; other labels are 0.0. */
export function appVersionOf(release: string): { major: number; minor: number } {
  const match = /^v?(\d+)\.(\d+)/.exec(release);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : { major: 0, minor: 0 };
}
