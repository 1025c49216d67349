/** Calls `onReach` when a sentinel element comes near the viewport. */
import { useEffect, useRef } from 'react';

/**
 * Returns the ref for the sentinel; well before it is visible (1,200 px, about three and a half
 * rows of a phone's grid) the next page is asked for: its cards come in one per painted frame.
 * A new `rearm` value (the number of products shown) observes again: an observer reports only
 * changes, so a sentinel still in view after a short page would otherwise never fire again.
 */
export function useInfiniteScroll<E extends Element>(onReach: () => void, enabled: boolean, rearm: unknown): React.RefObject<E> {
  const ref = useRef<E>(null);
  const callback = useRef(onReach);
  callback.current = onReach;
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callback.current();
    }, { rootMargin: '1200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, rearm]);
  return ref;
}
