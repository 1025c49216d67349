/** The recently viewed list, read from storage after mount so the shell render never sees it. */
import { useEffect, useState } from 'react';
import { readRecentlyViewed } from './recently-viewed';

/** `null` until mounted (render the placeholder), then the ids, most recent first. */
export function useRecentlyViewed(): string[] | null {
  const [ids, setIds] = useState<string[] | null>(null);
  useEffect(() => setIds(readRecentlyViewed()), []);
  return ids;
}
