/**
 * `push`: every message becomes a notification (a push that shows nothing would break the
 * browser's user-visible-only promise). The Declarative Web Push shape and plain JSON are read
 * alike (shared/push.ts); the shop's icon fills in when the message names none.
 */
import { readPushMessage } from '../../shared/push';
import type { PrecacheEntry } from '../../shared/sw-release';
import { pushFields, sendWorkerEvent } from './push-telemetry';

declare const self: ServiceWorkerGlobalScope;

/** The release's 192 px icon (its URL is content-hashed), for notifications that name none. */
export function defaultIcon(precache: readonly PrecacheEntry[]): string | undefined {
  return precache.find((entry) => /\/icons\/icon-192\.[0-9a-f]+\.png$/.test(entry.url))?.url;
}

/** Shows each push and reports it. */
export function listenForPushes(release: string, precache: readonly PrecacheEntry[]): void {
  const icon = defaultIcon(precache);
  self.addEventListener('push', (event: PushEvent) => {
    const text = event.data?.text() ?? '';
    const { title, options } = readPushMessage(text, self.location.origin);
    if (!options.icon && icon) options.icon = new URL(icon, self.location.origin).href;
    event.waitUntil(
      Promise.all([self.registration.showNotification(title, options as NotificationOptions), sendWorkerEvent('PUSH_RECEIVED', release, pushFields(options.data))]),
    );
  });
}
