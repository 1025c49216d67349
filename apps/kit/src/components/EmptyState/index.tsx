/** A friendly full-width message with an illustration and an optional action. */
import './empty-state.css';

export interface EmptyStateProps {
  title: string;
  message?: React.ReactNode;
  /** Links or buttons under the message. */
  children?: React.ReactNode;
  testId?: string;
  /** 1 when the state is the whole page (a 404), so the page keeps one h1. */
  headingLevel?: 1 | 2;
}

/** Used for "nothing matches", "cart is empty", "page not found". */
export function EmptyState({ title, message, children, testId = 'empty-state', headingLevel = 2 }: EmptyStateProps): React.ReactNode {
  return (
    <section className="empty card" data-testid={testId}>
      <svg className="empty-art" viewBox="0 0 120 96" width="120" height="96" aria-hidden="true">
        <rect x="14" y="22" width="92" height="62" rx="6" fill="#e3ebfd" />
        <path d="M30 22l10-14h40l10 14" fill="none" stroke="#2874f0" strokeWidth="4" strokeLinejoin="round" />
        <circle cx="48" cy="50" r="4" fill="#2874f0" />
        <circle cx="72" cy="50" r="4" fill="#2874f0" />
        <path d="M46 68q14-10 28 0" fill="none" stroke="#2874f0" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {headingLevel === 1 ? <h1 className="empty-title">{title}</h1> : <h2 className="empty-title">{title}</h2>}
      {message && <p className="empty-message">{message}</p>}
      {children && <div className="empty-actions">{children}</div>}
    </section>
  );
}
