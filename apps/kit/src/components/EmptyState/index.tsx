/** A friendly full-width message with an illustration and an optional action. */
import { EmptyIllustration, type EmptyArt } from './illustrations';
import './empty-state.css';

export type { EmptyArt };

export interface EmptyStateProps {
  title: string;
  message?: React.ReactNode;
  /** Links or buttons under the message. */
  children?: React.ReactNode;
  testId?: string;
  /** 1 when the state is the whole page (a 404), so the page keeps one h1. */
  headingLevel?: 1 | 2;
  /** The picture above the title; `lost` (a puzzled box) unless the situation has its own. */
  art?: EmptyArt;
}

/** Used for "nothing matches", "cart is empty", "page not found". */
export function EmptyState({ title, message, children, testId = 'empty-state', headingLevel = 2, art = 'lost' }: EmptyStateProps): React.ReactNode {
  return (
    <section className="empty card" data-testid={testId}>
      <EmptyIllustration art={art} />
      {headingLevel === 1 ? <h1 className="empty-title">{title}</h1> : <h2 className="empty-title">{title}</h2>}
      {message && <p className="empty-message">{message}</p>}
      {children && <div className="empty-actions">{children}</div>}
    </section>
  );
}
