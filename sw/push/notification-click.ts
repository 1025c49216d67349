/**
 * `notificationclick`: the tap opens what the notification is about in the shop — an open tab of
 * the shop is focused (and taken to the page), otherwise a new window opens — and is reported.
 */
import { clickUrl, planClick } from './click-target';
import { pushFields, sendWorkerEvent } from './push-telemetry';

declare const self: ServiceWorkerGlobalScope;

export function listenForClicks(release: string): void {
  self.addEventListener('notificationclick', (event: NotificationEvent) => {
    event.notification.close();
    const origin = self.location.origin;
    const data = (event.notification.data ?? {}) as Record<string, unknown>;
    const url = clickUrl(data, event.action, origin);
    const done = Promise.all([openInShop(url, origin), sendWorkerEvent('PUSH_CLICKED', release, { ...pushFields(data), ...(event.action ? { action: event.action.slice(0, 64) } : {}) })]);
    event.waitUntil(done);
  });
}

async function openInShop(url: string, origin: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const plan = planClick(windows, url, origin);
  if (plan.kind === 'open') {
    await self.clients.openWindow(url);
    return;
  }
  const client = plan.kind === 'navigate' ? ((await plan.client.navigate(url)) ?? plan.client) : plan.client;
  // Focus needs the tap's permission, which a synthetic event does not carry; the page is there either way.
  await client.focus().catch(() => undefined);
}
