/** "A new version is available": a bar above the bottom edge, in the toast's look, with a refresh button. */
import './update-prompt.css';

export interface UpdatePromptProps {
  onRefresh(): void;
  onDismiss(): void;
}

/** Announced politely; the shop switches only when the shopper taps Refresh. */
export function UpdatePrompt({ onRefresh, onDismiss }: UpdatePromptProps): React.ReactNode {
  return (
    <div className="sw-prompt update-prompt" role="status" aria-live="polite" data-testid="update-prompt">
      <span className="sw-prompt-text">A new version of the shop is available.</span>
      <button type="button" className="sw-prompt-action" onClick={onRefresh} data-testid="update-refresh">
        Refresh
      </button>
      <button type="button" className="sw-prompt-close" onClick={onDismiss} aria-label="Later">
        ×
      </button>
    </div>
  );
}
