/** The shop's own telemetry events: names, and the Foxtrot document each becomes. */
import type { STOREFRONT_FIELDS } from '../../../../shared/telemetry-fields';

/** Every event the storefront sends to table `storefront`; the README says who sends which. */
export type TelemetryEventType =
  | 'APP_LOAD'
  | 'PAGE_VIEW'
  | 'WEB_VITAL'
  | 'APP_CRASH'
  | 'CHECKOUT_STEP'
  | 'SW_INSTALLED'
  | 'SW_ACTIVATED'
  | 'SW_KILLED'
  | 'INSTALL_PROMPT'
  | 'PUSH_RECEIVED'
  | 'PUSH_CLICKED'
  | 'STORAGE_PERSIST';

/**
 * Steps of the checkout funnel, in funnel order: the cart's own (add, change, remove), then the
 * pages of checkout (`address` → `summary` → `payment` → `place-order` → `confirmation`).
 */
export type CheckoutStep =
  | 'add-to-cart'
  | 'quantity-change'
  | 'remove-from-cart'
  | 'checkout'
  | 'address'
  | 'summary'
  | 'payment'
  | 'place-order'
  | 'confirmation';

/**
 * How a step went (`outcome` of a `CHECKOUT_STEP`): `view` when its page shows, then what the
 * shopper or the server did there. The README lists which step has which.
 */
export type CheckoutOutcome =
  | 'view'
  | 'login-required'
  | 'selected'
  | 'address-added'
  | 'confirmed'
  | 'changed'
  | 'offline'
  | 'queued'
  | 'queued-placed'
  | 'queued-refused'
  | 'placed'
  | 'redirected'
  | 'refused'
  | 'failed'
  | 'approved'
  | 'declined'
  | 'pending'
  | 'due';

/** Fields an event adds to the common ones: flat JSON values keep analytics paths short. */
export type EventData = Record<string, string | number | boolean | null | undefined>;

/** What every event says about where it came from. */
export interface EventContext {
  app: string;
  release: string;
  appVersion: { major: number; minor: number };
  os: string;
  osVersion: string;
  browser: string;
  /** One id per browser tab, kept across the tab's page loads, so funnels can be followed. */
  session: string;
}

/** A Foxtrot document as `POST /foxtrot/v1/document/{table}/bulk` takes it. */
export interface TelemetryDocument {
  /** Random, made once per event, so a resent batch is stored once. */
  id: string;
  /** When the event happened (ms since the epoch), not when it was sent. */
  timestamp: number;
  data: EventContext & { eventType: TelemetryEventType; routeType: string; online: boolean } & Record<string, unknown>;
}

/** A random id; `crypto.randomUUID` exists on secure origins, the shop's only kind. */
export function randomId(): string {
  return crypto.randomUUID();
}

/** The names dashboards read (shared/telemetry-fields) are names this client sends: a rename here must be made there. */
type SentField = keyof EventContext | 'eventType' | 'routeType' | 'online' | 'metric' | 'value';
export type DashboardFieldsAreSent = (typeof STOREFRONT_FIELDS)[keyof typeof STOREFRONT_FIELDS] extends SentField ? true : never;
const dashboardFieldsAreSent: DashboardFieldsAreSent = true;
void dashboardFieldsAreSent;
