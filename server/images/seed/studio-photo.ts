/**
 * The seeded catalog's "photos": each drawing rendered once to a raster with resvg, in a studio —
 * a soft sweep behind it, a blurred floor shadow, a little sensor grain — so the demo shop's
 * pictures go through exactly what an operator's upload goes through.
 */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import type { ImageSpec } from '../../catalog/images/image-spec';
import { luminance } from '../../catalog/images/palette';
import { renderProductSvg, type Backdrop } from '../../catalog/images/render-svg';

/** Side of a studio photo in pixels: the widest width pages ask for. */
export const STUDIO_SIDE = 1200;

// Labels on packs and book covers need a font; one family loads in milliseconds, all 300 in seconds.
const FONT_DIRS = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/dejavu'].filter((dir) => fs.existsSync(dir));

/** A light product gets a grey sweep, like photographers use, so it does not melt into white. */
const studioBackdrop: Backdrop = (p) => {
  const [centre, edge] = luminance(p.base) > 0.75 ? ['#dfe2e6', '#bfc3ca'] : ['#ffffff', '#e6e8eb'];
  return (
    `<defs><radialGradient id="sweep" cx="200" cy="170" r="330" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="${centre}"/><stop offset="1" stop-color="${edge}"/></radialGradient>` +
    `<filter id="soft" x="-20%" y="-100%" width="140%" height="300%"><feGaussianBlur stdDeviation="9"/></filter></defs>` +
    `<rect width="400" height="400" fill="url(#sweep)"/><ellipse cx="200" cy="352" rx="124" ry="13" fill="#000" opacity=".24" filter="url(#soft)"/>`
  );
};

/** The studio SVG of shot `index`, or undefined when the product has no such drawing. */
export function studioSvg(spec: ImageSpec, index: number): string | undefined {
  return renderProductSvg(spec, index, studioBackdrop);
}

/** Renders a studio SVG to a JPEG original of STUDIO_SIDE pixels, with a fine grain over it. */
export async function renderStudioPhoto(svg: string): Promise<Buffer> {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: STUDIO_SIDE },
    font: { loadSystemFonts: false, fontDirs: FONT_DIRS, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  })
    .render()
    .asPng();
  const grain = await sharp({ create: { width: STUDIO_SIDE, height: STUDIO_SIDE, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 14 } } })
    .png()
    .toBuffer();
  return sharp(png)
    .flatten({ background: '#ffffff' })
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4', mozjpeg: true })
    .toBuffer();
}
