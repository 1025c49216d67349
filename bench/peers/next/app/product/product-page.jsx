/**
 * The product page both peers render: the same sections as the shop's product page (gallery,
 * title, price, variants, offers, highlights, description, specifications), from the same JSON.
 */
const rupees = (paise) => `₹${(paise / 100).toLocaleString('en-IN', { maximumFractionDigits: 0 })}`;

export function ProductPage({ product }) {
  const colours = [...new Map(product.variants.map((v) => [v.color, v])).values()];
  const sizes = [...new Set(product.variants.map((v) => v.size).filter(Boolean))];
  return (
    <main className="product">
      <section className="gallery">
        {product.images.map((image, i) => (
          <img key={image.url} src={image.url} alt={image.alt} width="400" height="400" loading={i === 0 ? 'eager' : 'lazy'} />
        ))}
      </section>
      <section className="buy">
        <p className="brand">{product.brand}</p>
        <h1>{product.title}</h1>
        <p className="rating">
          <span>{product.rating}★</span> {product.ratingCount.toLocaleString('en-IN')} ratings & {product.reviewCount} reviews
          {product.assured ? <span className="assured">Assured</span> : null}
        </p>
        <p className="price">
          <strong>{rupees(product.price)}</strong> <s>{rupees(product.mrp)}</s> <span>{product.discountPercent}% off</span>
        </p>
        <p className="stock">{product.stock > 0 ? `In stock (${product.stock})` : 'Out of stock'}</p>
        {colours.length > 1 ? (
          <fieldset>
            <legend>Colour</legend>
            {colours.map((v) => (
              <label key={v.color}>
                <input type="radio" name="colour" value={v.color} />
                <span style={{ background: v.colorHex }} /> {v.color}
              </label>
            ))}
          </fieldset>
        ) : null}
        {sizes.length > 0 ? (
          <fieldset>
            <legend>Size</legend>
            {sizes.map((size) => (
              <label key={size}>
                <input type="radio" name="size" value={size} /> {size}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="button">Add to cart</button> <button type="button">Buy now</button>
        <h2>Offers</h2>
        <ul>
          {product.offers.map((offer) => (
            <li key={offer.title}>
              <strong>{offer.title}</strong> {offer.detail}
            </li>
          ))}
        </ul>
        <h2>Highlights</h2>
        <ul>
          {product.highlights.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2>Description</h2>
        <p>{product.description}</p>
        <h2>Specifications</h2>
        {product.specifications.map((group) => (
          <table key={group.group}>
            <caption>{group.group}</caption>
            <tbody>
              {group.items.map((item) => (
                <tr key={item.name}>
                  <th>{item.name}</th>
                  <td>{item.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
    </main>
  );
}
