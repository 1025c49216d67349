/**
 * Where a loading layout shows the page's largest picture before any script runs: the build-time
 * render writes a level-2 slot here, and the server fills it with the picture the page is about to
 * show (decisions/0025). React leaves what the server put there alone, then replaces the whole
 * loading layout with the page, whose picture is the same response.
 */
import { LEAD_PICTURE_SLOT } from '../../../../../shared/first-visible-images';
import './lead-picture-slot.css';

/** The slot, laid over a placeholder box; empty in the browser (client-side navigations have no lead picture). */
export function LeadPictureSlot({ className }: { className?: string }): React.ReactNode {
  // `document` is missing only in the build's render of the shells: that is where the slot goes.
  const html = typeof document === 'undefined' ? LEAD_PICTURE_SLOT : '';
  // The server's picture differs from this render by design: the documented way to keep it is
  // `dangerouslySetInnerHTML`, with the hydration warning turned off for this one element.
  return <span className={`lead-slot${className ? ` ${className}` : ''}`} aria-hidden="true" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />;
}
