/** The long part of a product page: offers, highlights, description and grouped specifications. */
import type { Product } from '@storefront/kit';
import './product-details.css';


/** Sections with headings, so screen-reader users can jump between them. */
export function ProductDetails({ product }: { product: Product }): React.ReactNode {
  return (
    <>
      {product.offers.length > 0 && (
        <section className="pd card" aria-labelledby="pd-offers">
          <h2 id="pd-offers" className="pd-title">
            Available offers
          </h2>
          <ul className="pd-offers">
            {product.offers.map((offer) => (
              <li key={offer.title + offer.detail}>
                <svg className="pd-offer-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                  <path fill="currentColor" d="M21.4 11.6l-9-9A2 2 0 0 0 11 2H4a2 2 0 0 0-2 2v7a2 2 0 0 0 .6 1.4l9 9a2 2 0 0 0 2.8 0l7-7a2 2 0 0 0 0-2.8zM6.5 8a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z" />
                </svg>
                <span>
                  <strong>{offer.title}</strong> {offer.detail}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {product.highlights.length > 0 && (
        <section className="pd card" aria-labelledby="pd-highlights">
          <h2 id="pd-highlights" className="pd-title">
            Highlights
          </h2>
          <ul className="pd-highlights">
            {product.highlights.map((highlight) => (
              <li key={highlight}>{highlight}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="pd card" aria-labelledby="pd-description">
        <h2 id="pd-description" className="pd-title">
          Description
        </h2>
        <p className="pd-text">{product.description}</p>
      </section>
      {product.specifications.length > 0 && (
        <section className="pd card" aria-labelledby="pd-specs">
          <h2 id="pd-specs" className="pd-title">
            Specifications
          </h2>
          {product.specifications.map((group) => (
            <table key={group.group} className="pd-specs">
              <caption>{group.group}</caption>
              <tbody>
                {group.items.map((item) => (
                  <tr key={item.name}>
                    <th scope="row">{item.name}</th>
                    <td>{item.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      )}
    </>
  );
}
