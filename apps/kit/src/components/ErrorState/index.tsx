/** What a page shows when its data could not be loaded, with a way to try again. */
import type { ApiError } from '../../api/api-error';
import { Button } from '../Button';
import { EmptyState } from '../EmptyState';

export interface ErrorStateProps {
  error: ApiError;
  onRetry(): void;
}

/** Says whether the shopper is offline (their side) or the shop failed (ours), then offers a retry. */
export function ErrorState({ error, onRetry }: ErrorStateProps): React.ReactNode {
  const title = error.offline ? 'You are offline' : 'Something went wrong';
  const message = error.offline
    ? 'Check your internet connection, then try again.'
    : 'We could not load this just now. Please try again in a moment.';
  return (
    <div role="alert">
      <EmptyState title={title} message={message} testId="error-state">
        <Button onClick={onRetry}>Retry</Button>
      </EmptyState>
    </div>
  );
}
