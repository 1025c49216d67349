/** The row of category shortcuts at the top of the home page. */
import { Skeleton, type Category } from '@storefront/kit';
import { Link } from 'react-router';
import { CategoryIcon } from './category-icons';
import './category-strip.css';

/** How many placeholders the shell shows: the number of seeded categories, so nothing shifts. */
const PLACEHOLDERS = 8;

/** `categories` is null while loading; the placeholders have the same boxes as the links. */
export function CategoryStrip({ categories }: { categories: readonly Category[] | null }): React.ReactNode {
  return (
    <nav className="cats card" aria-label="Categories">
      <ul className="cats-list">
        {categories
          ? categories.map((category) => (
              <li key={category.slug}>
                <Link to={`/${category.slug}/pr`} className="cats-link" data-testid="category-link" data-slug={category.slug}>
                  <span className={`cats-icon cats-${category.slug}`}>
                    <CategoryIcon slug={category.slug} />
                  </span>
                  <span className="cats-name">{category.name}</span>
                </Link>
              </li>
            ))
          : Array.from({ length: PLACEHOLDERS }, (_, index) => (
              <li key={index} aria-hidden="true">
                <span className="cats-link">
                  <Skeleton width={56} height={56} round />
                  <Skeleton width={56} height={12} />
                </span>
              </li>
            ))}
      </ul>
    </nav>
  );
}
