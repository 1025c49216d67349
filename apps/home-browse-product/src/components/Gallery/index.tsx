/** The product's images as a swipeable, scroll-snapping carousel with dots. */
import { ProductPicture, type ProductImage } from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import './gallery.css';

export interface GalleryProps {
  images: readonly ProductImage[];
  /** The image to show (follows the chosen colour); the shopper can still swipe away from it. */
  index: number;
}

/** Native scrolling does the swiping; script only tracks which slide is in view for the dots. */
export function Gallery({ images, index }: GalleryProps): React.ReactNode {
  const track = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);

  // The slide the track was last moved to; it starts on the first, so a first render showing the
  // first image moves nothing. Reading the width there would force a layout of the whole page
  // inside hydration's effects, the longest task of a product page's load (decisions/0039).
  const placed = useRef(0);
  useEffect(() => {
    const element = track.current;
    if (!element || index === placed.current) return;
    placed.current = index;
    element.scrollTo({ left: index * element.clientWidth, behavior: 'smooth' });
  }, [index]);

  const onScroll = (): void => {
    const element = track.current;
    if (element && element.clientWidth > 0) setActive(Math.round(element.scrollLeft / element.clientWidth));
  };

  const show = (n: number): void => {
    const element = track.current;
    if (element) element.scrollTo({ left: n * element.clientWidth, behavior: 'smooth' });
  };

  return (
    <div className="gallery" aria-roledescription="carousel" aria-label="Product images">
      <ul ref={track} className="gallery-track" onScroll={onScroll} tabIndex={0} aria-label="Product images, swipe or scroll for more">
        {images.map((image, n) => (
          <li key={image.url} className="gallery-slide" aria-roledescription="slide" aria-label={`${n + 1} of ${images.length}`}>
            <ProductPicture image={image} use="gallery" width={400} height={400} priority={n === 0} />
          </li>
        ))}
      </ul>
      {images.length > 1 && (
        <div className="gallery-dots">
          {images.map((image, n) => (
            <button key={image.url} type="button" className="gallery-dot" aria-label={`Show image ${n + 1}`} aria-current={n === active} onClick={() => show(n)}>
              <span />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
