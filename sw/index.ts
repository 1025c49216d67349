/**
 * The shop's service worker. This file only attaches listeners; what they do lives beside it
 * (see README.md). The server prepends the current release, so this code is the same for every
 * release and the precache list is not.
 */
import { clientsClaim } from 'workbox-core';
import { deleteStaleCaches } from './caches/cache-cleanup';
import { routeRuntimeCaches } from './caches/runtime-caches';
import { runKillSwitchWorker } from './lifecycle/kill-switch-worker';
import { replayOutboxOnSync } from './lifecycle/outbox-sync';
import { listenForPageMessages } from './lifecycle/page-messages';
import { precacheRelease } from './precache';
import { listenForClicks } from './push/notification-click';
import { listenForPushes } from './push/show-push';
import { listenForSubscriptionChanges } from './push/subscription-change';
import { readRelease } from './release';
import { routeNavigations } from './routing/navigation-route';
import { bypassTelemetry } from './routing/telemetry-bypass';

declare const self: ServiceWorkerGlobalScope;

const release = readRelease();

if (release.killed) {
  runKillSwitchWorker();
} else {
  // First: telemetry a page sends while unloading must not wait on this worker.
  bypassTelemetry();
  precacheRelease(release.precache);
  routeNavigations(release.tables);
  routeRuntimeCaches();
  listenForPageMessages();
  replayOutboxOnSync();
  listenForPushes(release.release, release.precache);
  listenForClicks(release.release);
  listenForSubscriptionChanges();
  // The first worker controls the page that installed it, so its data is cached from the first visit.
  clientsClaim();
  self.addEventListener('activate', (event) => event.waitUntil(deleteStaleCaches()));
}
