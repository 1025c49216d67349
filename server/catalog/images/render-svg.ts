/** Renders one product image as a small square SVG from what the store keeps about it. */
import { ILLUSTRATIONS } from './illustrations';
import type { ImageSpec } from './image-spec';
import { paletteFor, type Palette } from './palette';

/** What is drawn behind the product: defs and shapes, in the 400×400 canvas. */
export type Backdrop = (p: Palette) => string;

/** The drawings' own backdrop: the product colour washed almost to white, and a faint floor shadow. */
export const washBackdrop: Backdrop = (p) => `<rect width="400" height="400" fill="${p.wash}"/><ellipse cx="200" cy="356" rx="130" ry="12" fill="#000" opacity=".08"/>`;

/** Width and height of every product image, in CSS pixels. */
export const IMAGE_SIZE = 400;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The SVG of shot `index` of a product, or undefined when it has no such shot. */
export function renderProductSvg(spec: ImageSpec, index: number, backdrop: Backdrop = washBackdrop): string | undefined {
  const shot = spec.shots[index];
  if (!shot || shot.hex === undefined) return undefined;
  const p = paletteFor(shot.hex);
  const body = ILLUSTRATIONS[spec.kind]({ p, view: shot.view ?? 0, label: escapeXml(spec.label ?? ''), sublabel: escapeXml(spec.sublabel ?? '') });
  // The other view of things without a back is the same drawing, turned a little.
  const turned = shot.view === 1 && spec.kind !== 'phone';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 400 400" role="img">` +
    `<title>${escapeXml(shot.alt)}</title>` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.light}"/><stop offset="1" stop-color="${p.base}"/></linearGradient></defs>` +
    backdrop(p) +
    (turned ? `<g transform="rotate(-9 200 200) translate(20 8) scale(.92)">${body}</g>` : body) +
    `</svg>`
  );
}
