/**
 * A product picture: a processed photo as `<picture>` (AVIF, then WebP, every width in `srcset`,
 * `sizes` from where it is shown) over its blurred placeholder; a drawing as a plain `<img>`.
 */
import type { ProductImage } from '../../../../../shared/api-types';
import { IMAGE_SIZES, photoMime, photoSrcset, type ImageUse } from '../../../../../shared/product-images';
import './product-picture.css';

export interface ProductPictureProps {
  image: ProductImage;
  /** Where it is shown: picks `sizes`, so the browser fetches the width it needs and no more. */
  use: ImageUse;
  /** The box it is laid out in, in CSS pixels (reserves the space: no layout shift). */
  width: number;
  height: number;
  /** Text for screen readers; `""` for a picture that only repeats a link's text. */
  alt?: string;
  /** Load at once (visible without scrolling) rather than when scrolled near. */
  eager?: boolean;
  /** The page's largest picture: fetched ahead of the others. */
  priority?: boolean;
}

/** Drops the placeholder once the photo is painted (a transparent photo must not show it through). */
function clearPlaceholder(event: React.SyntheticEvent<HTMLImageElement>): void {
  event.currentTarget.style.backgroundImage = 'none';
}

/** The picture; `priority` implies `eager`. */
export function ProductPicture({ image, use, width, height, alt = image.alt, eager = false, priority = false }: ProductPictureProps): React.ReactNode {
  const loading = eager || priority ? 'eager' : 'lazy';
  // React 18 knows no `fetchPriority` prop (it warns and lowercases it): the attribute is passed as written.
  const fetchPriority: Record<string, string> = priority ? { fetchpriority: 'high' } : {};
  const photo = image.photo;
  if (!photo) return <img src={image.url} alt={alt} width={width} height={height} loading={loading} {...fetchPriority} decoding="async" />;
  const sizes = IMAGE_SIZES[use];
  return (
    <picture className="pp">
      <source type={photoMime('avif')} srcSet={photoSrcset(photo, 'avif')} sizes={sizes} />
      <source type={photoMime('webp')} srcSet={photoSrcset(photo, 'webp')} sizes={sizes} />
      <img
        className="pp-photo"
        src={image.url}
        alt={alt}
        width={width}
        height={height}
        loading={loading}
        {...fetchPriority}
        decoding="async"
        style={{ backgroundImage: `url("${photo.placeholder}")` }}
        onLoad={clearPlaceholder}
      />
    </picture>
  );
}
