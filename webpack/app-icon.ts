/**
 * The shop's app icon as SVG, drawn from shapes only (no fonts, so every machine renders it the
 * same): a white shopping bag on the shop's blue. The maskable variant keeps the bag inside the
 * central 80% safe zone and fills the whole square, as launchers crop it to their own shape.
 */
export const THEME_BLUE = '#2874f0';

const bag = (scale: number): string => {
  const offset = (512 - 512 * scale) / 2;
  return `<g transform="translate(${offset} ${offset}) scale(${scale})">
  <path d="M176 176v-24a80 80 0 0 1 160 0v24" fill="none" stroke="#fff" stroke-width="28" stroke-linecap="round"/>
  <path d="M112 176h288l-20 232a32 32 0 0 1-32 29H164a32 32 0 0 1-32-29z" fill="#fff"/>
  <path d="M224 300c0-22 64-22 64 0s-64 22-64 48 64 26 64 0" fill="none" stroke="#ffe500" stroke-width="22" stroke-linecap="round"/>
</g>`;
};

/** The icon drawn on a rounded square (the "any" purpose). */
export function iconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${THEME_BLUE}"/>${bag(0.9)}</svg>`;
}

/** The maskable icon: full-bleed background, artwork inside the safe zone. */
export function maskableIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${THEME_BLUE}"/>${bag(0.62)}</svg>`;
}
