/**
 * Tables the shop writes only from inside the server (ARCHITECTURE §8: push send outcomes go to
 * `push`), and the buffered writer other domains record into. Documents from outside are refused
 * for these tables, so what an operator reads there is what the server saw, not what a browser
 * claimed. Records are buffered and written by `buffered-events.ts`.
 */
import type { ServerDeps } from '../deps';
import { BufferedEvents } from './buffered-events';

/** The tables other domains record into, with their TTL in days; ingestion refuses them to clients (`INTERNAL_TABLES`). */
export const INTERNAL_EVENT_TABLES = [{ name: 'push', ttl: 90 }] as const;

export type InternalTable = (typeof INTERNAL_EVENT_TABLES)[number]['name'];

/** Records held at most while the store is slow (a campaign to 10,000 devices fits). */
export const MAX_BUFFERED_INTERNAL = 50_000;

/** The writer domains record into. */
export type InternalEvents = BufferedEvents<InternalTable>;

const writers = new WeakMap<object, InternalEvents>();

/** The internal-events writer of one server (one set of deps): domains record, the telemetry routes attach the store. */
export function internalEvents(deps: ServerDeps): InternalEvents {
  let writer = writers.get(deps);
  if (!writer) writers.set(deps, (writer = new BufferedEvents<InternalTable>(deps, { name: 'internal events', maxBuffered: MAX_BUFFERED_INTERNAL, batch: 1000, droppedEventType: 'EVENTS_DROPPED' })));
  return writer;
}
