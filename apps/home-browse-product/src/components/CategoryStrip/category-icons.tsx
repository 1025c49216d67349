/** Simple inline icons for the seeded categories (no icon font, no image requests). */

const PATHS: Record<string, string> = {
  mobiles: 'M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h8V5zm4 14.2a1 1 0 1 0 0 .1z',
  fashion: 'M9 3l3 2 3-2 5 3-2 4-2-1v12H8V9L6 10 4 6z',
  electronics: 'M3 5h18a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-7v2h3v2H7v-2h3v-2H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v8h16V7z',
  'home-furniture': 'M4 11V8a3 3 0 0 1 3-3h10a3 3 0 0 1 3 3v3a2 2 0 0 1 2 2v5h-2v2h-2v-2H6v2H4v-2H2v-5a2 2 0 0 1 2-2zm2 0a2 2 0 0 1 2 2v1h8v-1a2 2 0 0 1 2-2V8a1 1 0 0 0-1-1H7a1 1 0 0 0-1 1z',
  appliances: 'M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 5v13h12V7zm1-3v1h2V4zm5 5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  beauty: 'M10 2h4v5h-4zM9 8h6l1 3v10a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V11z',
  grocery: 'M4 8h16l-1.5 11a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2zm4-1a4 4 0 0 1 8 0h-2a2 2 0 0 0-4 0z',
  books: 'M5 3h11a3 3 0 0 1 3 3v15H7a2 2 0 0 1-2-2zm2 14v2h10v-2zm0-12v10h10V6a1 1 0 0 0-1-1z',
};

const FALLBACK = 'M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z';

/** The icon of a category; unknown categories (added later) get a generic grid. */
export function CategoryIcon({ slug }: { slug: string }): React.ReactNode {
  return (
    <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
      <path fill="currentColor" fillRule="evenodd" d={PATHS[slug] ?? FALLBACK} />
    </svg>
  );
}
