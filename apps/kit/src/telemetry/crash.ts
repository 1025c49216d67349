/** Uncaught errors and unhandled promise rejections, as `APP_CRASH` events. */
import type { EventData, TelemetryEventType } from './event-types';

const MAX_STACK = 2000;

/** Listens on the window for the rest of the page's life. */
export function watchCrashes(track: (type: TelemetryEventType, data: EventData) => void): void {
  addEventListener('error', (event: ErrorEvent) => {
    track('APP_CRASH', {
      kind: 'error',
      message: String(event.message).slice(0, 500),
      source: event.filename,
      line: event.lineno,
      column: event.colno,
      stack: stackOf(event.error),
    });
  });
  addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    track('APP_CRASH', { kind: 'rejection', message: String(reason instanceof Error ? reason.message : reason).slice(0, 500), stack: stackOf(reason) });
  });
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error && error.stack ? error.stack.slice(0, MAX_STACK) : undefined;
}
