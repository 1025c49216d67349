/** The 404 page, inside the shop's layout, with ways back into the shop. */
import { buttonClassName, EmptyState } from '@storefront/kit';
import { Link } from 'react-router';

/** Static on purpose: the server answers it with status 404 for any URL no app owns. */
export default function NotFoundPage(): React.ReactNode {
  return (
    <div className="not-found">
      <EmptyState
        title="We couldn't find that page"
        message="The link may be broken, or the page may have moved. Try searching, or start again from the home page."
        testId="not-found"
        headingLevel={1}
      >
        <Link to="/" className={buttonClassName('primary')}>
          Go to home
        </Link>
        <Link to="/mobiles/pr" className={buttonClassName('outline')}>
          Shop mobiles
        </Link>
      </EmptyState>
    </div>
  );
}
