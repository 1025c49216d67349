/** A value that follows another one only after it has stopped changing for `delay` ms. */
import { useEffect, useState } from 'react';

/** Debounces typing so that a request goes out per pause, not per keystroke. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
