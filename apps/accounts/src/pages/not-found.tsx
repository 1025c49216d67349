/** An accounts URL that is not a page: say so and offer the account home. */
import { buttonClassName, EmptyState } from '@storefront/kit';
import { Link } from 'react-router';
import { useTitle } from '../components/PageFrame';

export default function NotFoundPage(): React.ReactNode {
  useTitle('Page not found');
  return (
    <main className="acc">
      <EmptyState title="This page does not exist" message="The link may be old. Your account pages are all one tap away." headingLevel={1} testId="accounts-not-found">
        <Link to="/accounts" className={buttonClassName('primary')}>
          Go to my account
        </Link>
      </EmptyState>
    </main>
  );
}
