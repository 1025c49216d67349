/**
 * The frame of every checkout step: the page's heading, the three steps (address, order summary,
 * payment) with the current one marked, and the step's content. Each step's loading layout is the
 * same frame with placeholder blocks where its content will be, so nothing moves when data arrives.
 */
import { Skeleton, useDeferUpdates } from '@storefront/kit';
import './checkout-frame.css';

export type StepName = 'address' | 'summary' | 'payment';

const STEPS: ReadonlyArray<{ name: StepName; label: string }> = [
  { name: 'address', label: 'Address' },
  { name: 'summary', label: 'Order summary' },
  { name: 'payment', label: 'Payment' },
];

export interface CheckoutFrameProps {
  step: StepName;
  title: string;
  children: React.ReactNode;
  busy?: boolean;
}

/** A new release of the app waits while the shopper is in checkout (never a reload mid-order). */
export function CheckoutFrame({ step, title, children, busy = false }: CheckoutFrameProps): React.ReactNode {
  useDeferUpdates();
  const current = STEPS.findIndex((s) => s.name === step);
  return (
    <div className="co" aria-busy={busy}>
      <h1 className="co-heading">{title}</h1>
      <ol className="co-steps card" aria-label="Checkout steps">
        {STEPS.map((s, index) => (
          <li key={s.name} className={index < current ? 'co-done' : index === current ? 'co-current' : undefined} aria-current={index === current ? 'step' : undefined}>
            <span className="co-step-no" aria-hidden="true">
              {index < current ? '✓' : index + 1}
            </span>
            <span className="co-step-label">{s.label}</span>
          </li>
        ))}
      </ol>
      {children}
    </div>
  );
}

/** The loading layout of a step: its frame, and blocks shaped like its cards and bottom bar. */
export function StepSkeleton({ step }: { step: StepName }): React.ReactNode {
  const title = step === 'address' ? 'Delivery address' : step === 'summary' ? 'Order summary' : 'Payment';
  return (
    <CheckoutFrame step={step} title={title} busy>
      {step === 'address' ? (
        <ul className="co-list" aria-hidden="true">
          {[0, 1].map((n) => (
            <li key={n} className="co-card card co-sk-address">
              <Skeleton width={20} height={20} round />
              <div className="co-sk-lines">
                <Skeleton width="45%" height={16} />
                <Skeleton width="90%" height={14} />
                <Skeleton width="70%" height={14} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <div className="co-card card co-sk-block" aria-hidden="true">
          <Skeleton width="35%" height={14} />
          <Skeleton width="80%" height={16} />
          <Skeleton width="60%" height={14} />
        </div>
      )}
      {step === 'summary' && (
        <ul className="oi-card card" aria-hidden="true">
          {[0, 1].map((n) => (
            <li key={n} className="oi">
              <Skeleton width={72} height={72} />
              <div className="co-sk-lines">
                <Skeleton height={16} />
                <Skeleton width="40%" height={13} />
                <Skeleton width="50%" height={18} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {step !== 'address' && (
        <div className="co-card card co-sk-block" aria-hidden="true">
          <Skeleton width="40%" height={16} />
          <Skeleton height={step === 'payment' ? 96 : 120} />
        </div>
      )}
    </CheckoutFrame>
  );
}
