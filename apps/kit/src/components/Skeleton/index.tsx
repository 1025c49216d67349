/** A grey placeholder box with a shimmer, sized like the content that will replace it. */
import type { CSSProperties } from 'react';
import './skeleton.css';

export interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  className?: string;
  round?: boolean;
}

/** Decorative only: hidden from assistive tech, which hears the page's busy state instead. */
export function Skeleton({ width = '100%', height = 14, className, round = false }: SkeletonProps): React.ReactNode {
  return (
    <span
      aria-hidden="true"
      className={`skeleton${round ? ' skeleton-round' : ''}${className ? ` ${className}` : ''}`}
      style={{ width, height }}
    />
  );
}
