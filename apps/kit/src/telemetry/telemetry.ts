/**
 * The page's telemetry client: `track` anywhere, `startTelemetry` once from the app frame.
 * Events tracked before the start wait in memory and go out with the context they were tracked in.
 */
import { watchCrashes } from './crash';
import { appVersionOf, readDevice } from './device';
import { EventQueue } from './event-queue';
import { randomId, type EventContext, type EventData, type TelemetryDocument, type TelemetryEventType } from './event-types';
import { idbStorage } from './idb-storage';
import { beaconOrFetch } from './transport';
import { reportWebVitals } from './web-vitals';

const SESSION_KEY = 'sf-session';
const MAX_EARLY_EVENTS = 100;

let context: EventContext | null = null;
let routeType = 'unknown';
let queue: EventQueue | null = null;
const early: TelemetryDocument[] = [];

/** Records an event for table `storefront`; never throws and never waits. */
export function track(eventType: TelemetryEventType, data: EventData = {}): void {
  if (typeof window === 'undefined') return;
  // Before the start there is no context yet: it is filled in when the event is queued.
  const fields = { ...context, routeType, online: navigator.onLine, ...data, eventType } as TelemetryDocument['data'];
  const doc: TelemetryDocument = { id: randomId(), timestamp: Date.now(), data: fields };
  if (queue) queue.add(doc);
  else if (early.length < MAX_EARLY_EVENTS) early.push(doc);
}

/**
 * Drops the events not sent yet, in memory and in IndexedDB: on sign-out, so a shared device keeps
 * nothing of the last shopper's browsing. Works before the start too (stored events of a past visit).
 */
export async function discardUnsentEvents(): Promise<void> {
  early.splice(0);
  if (queue) await queue.discard();
  else await idbStorage.clear().catch(() => undefined);
}

/** The route type (a route's shell name) later events are tagged with. */
export function setRouteType(next: string): void {
  routeType = next;
}

export interface TelemetryStart {
  app: string;
  release: string;
  /** Route type of the page as loaded. */
  routeType: string;
}

/** Starts sending: listeners for hiding, going online and crashes; web vitals and stored events after load. */
export function startTelemetry(start: TelemetryStart): void {
  if (queue || typeof window === 'undefined') return;
  routeType = start.routeType;
  context = { app: start.app, release: start.release, appVersion: appVersionOf(start.release), ...readDevice(navigator.userAgent), session: sessionId() };
  const started = new EventQueue({
    transport: beaconOrFetch,
    storage: idbStorage,
    isOnline: () => navigator.onLine,
    schedule: (run, ms) => setTimeout(run, ms),
    cancel: (handle) => clearTimeout(handle as number),
  });
  queue = started;
  for (const doc of early.splice(0)) started.add({ ...doc, data: { ...context, ...doc.data } });

  const hidden = (): void => void started.flush(true);
  addEventListener('pagehide', hidden);
  // On the document, so web-vitals' own window listeners have reported their final values first.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hidden());
  addEventListener('online', () => void started.flush().then(() => started.drainStored()));
  watchCrashes(track);
  afterLoad(() => {
    // Offline on a page the worker served, the chunk may be missing: vitals are then not reported.
    reportWebVitals(track, start.routeType).catch(() => undefined);
    void started.drainStored();
  });
}

function afterLoad(run: () => void): void {
  if (document.readyState === 'complete') setTimeout(run);
  else addEventListener('load', () => setTimeout(run), { once: true });
}

function sessionId(): string {
  try {
    const known = sessionStorage.getItem(SESSION_KEY);
    if (known) return known;
    const made = randomId();
    sessionStorage.setItem(SESSION_KEY, made);
    return made;
  } catch {
    return randomId();
  }
}
