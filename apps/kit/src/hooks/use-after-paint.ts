/** Below-the-fold work after the first screen: true one painted frame after `ready` turns true. */
import { startTransition, useContext, useEffect, useState } from 'react';
import { ApiDataContext } from '../api/api-data-context';
import { onNextPaint } from './after-next-paint';

/**
 * Splits a data render in two: what is on the first screen commits and paints, then (in a
 * transition of its own, which yields to input) the rest. So no one task renders, styles and lays
 * out a whole page of rails at once.
 */
export function useAfterPaint(ready: boolean): boolean {
  // A renderer that holds the data renders the finished page at once: there is no paint to wait for.
  const rendersWithData = useContext(ApiDataContext) !== null;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return;
    return onNextPaint(() => startTransition(() => setShown(true)));
  }, [ready, shown]);
  return rendersWithData ? ready : shown && ready;
}
