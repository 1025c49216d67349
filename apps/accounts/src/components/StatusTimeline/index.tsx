/**
 * Where the order is, as a vertical line of steps: done steps green with the time they happened,
 * the next ones grey. A cancelled order shows the steps it reached, then the cancellation.
 */
import { formatOrderTime, orderStatusLabel, timelineSteps, type Order } from '@storefront/kit';
import './status-timeline.css';

/** The timeline card's list; the step the order is at is `aria-current`. */
export function StatusTimeline({ order }: { order: Pick<Order, 'status' | 'timeline'> }): React.ReactNode {
  const steps = timelineSteps(order);
  return (
    <ol className="tl" aria-label="Order status" data-testid="status-timeline">
      {steps.map((step) => (
        <li
          key={step.status}
          className={`tl-step${step.done ? ' tl-done' : ''}${step.status === 'cancelled' ? ' tl-cancelled' : ''}`}
          aria-current={step.status === order.status ? 'step' : undefined}
          data-testid="timeline-step"
          data-status={step.status}
        >
          <span className="tl-dot" aria-hidden="true" />
          <span className="tl-text">
            <span className="tl-label">{orderStatusLabel(step.status)}</span>
            {step.entry && (
              <span className="tl-note">
                {step.entry.note} · {formatOrderTime(step.entry.at)}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
