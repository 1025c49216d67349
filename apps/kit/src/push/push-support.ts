/**
 * Can this browser get the shop's push notifications, and what stands in the way? Pure, so the
 * rules (notably iOS: push only in a web app added to the Home Screen, iOS 16.4+) are unit-tested.
 */

export type PushAvailability =
  /** Ask: permission not decided yet. */
  | 'ask'
  /** Already allowed: subscribing needs no prompt. */
  | 'granted'
  /** The shopper said no in the browser; only the browser's settings can undo it. */
  | 'denied'
  /** iOS Safari in a tab: push works once the shop is on the Home Screen. */
  | 'install-first'
  | 'unsupported';

export interface PushEnvironment {
  userAgent: string;
  maxTouchPoints: number;
  /** `navigator.standalone` or `display-mode: standalone`: opened from the Home Screen. */
  standalone: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  /** `Notification.permission`, or null when there is no Notification API. */
  permission: NotificationPermission | null;
}

/** iPhone, iPod, or an iPad (which says "Macintosh" but has a touch screen). */
export function isIos(userAgent: string, maxTouchPoints: number): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

/** What the shop can offer this browser. */
export function pushAvailability(env: PushEnvironment): PushAvailability {
  // In an iOS tab there is no PushManager at all; the Home Screen app has it.
  if (isIos(env.userAgent, env.maxTouchPoints) && !env.standalone) return 'install-first';
  if (!env.hasServiceWorker || !env.hasPushManager || env.permission === null) return 'unsupported';
  if (env.permission === 'denied') return 'denied';
  return env.permission === 'granted' ? 'granted' : 'ask';
}

/** This browser's environment (call only in a browser). */
export function readPushEnvironment(): PushEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || window.matchMedia?.('(display-mode: standalone)').matches === true,
    hasServiceWorker: 'serviceWorker' in nav,
    hasPushManager: 'PushManager' in window,
    permission: 'Notification' in window ? Notification.permission : null,
  };
}
