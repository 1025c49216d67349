import sharp from 'sharp';
import { Resvg } from '@resvg/resvg-js';
import { renderProductSvg } from '../server/catalog/images/render-svg';
const svg = renderProductSvg({ kind: 'shoe', shots: [{ hex: '#c8302f', view: 0, alt: 'x' }] }, 0)!;
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
const orig = await sharp(png).jpeg({ quality: 92 }).toBuffer();
for (const effort of [0, 2]) for (const w of [400, 1200]) {
  const t = performance.now();
  const a = await sharp(orig).resize(w).avif({ quality: 50, effort }).toBuffer();
  console.log(effort, w, Math.round(performance.now() - t), a.length);
}
const q = await sharp(orig).resize(96).ensureAlpha().png({ palette: true, colours: 11, dither: 0 }).toBuffer();
console.log(await sharp(q).metadata());
