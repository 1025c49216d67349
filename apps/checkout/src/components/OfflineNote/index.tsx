/** The line a checkout page shows while the shopper is offline: what still works, in plain words. */
import './offline-note.css';

/** A polite status, so screen readers hear it once without being interrupted. */
export function OfflineNote({ children }: { children: React.ReactNode }): React.ReactNode {
  return (
    <p className="offline-note" role="status" data-testid="offline-note">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path fill="currentColor" d="M2.3 3.7 3.7 2.3l18 18-1.4 1.4-3.3-3.3A6 6 0 0 1 12 21a6 6 0 0 1-1.5-11.8L8.2 6.9A10.9 10.9 0 0 0 4.4 9.7L3 8.3a12.9 12.9 0 0 1 3.7-2.9zM12 3c3.9 0 7.4 1.5 10 4l-1.4 1.4a12 12 0 0 0-12.1-3L7 3.9A14 14 0 0 1 12 3zm0 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
