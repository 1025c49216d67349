import sharp from 'sharp';
import { Resvg } from '@resvg/resvg-js';
import { renderProductSvg } from '../server/catalog/images/render-svg';
const svg = renderProductSvg({ kind: 'shoe', shots: [{ hex: '#c8302f', view: 0, alt: 'x' }] }, 0)!;
let t = performance.now();
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
console.log('resvg 1200', performance.now() - t, png.length);
t = performance.now();
const orig = await sharp(png).jpeg({ quality: 92 }).toBuffer();
console.log('jpeg', performance.now() - t, orig.length);
for (const w of [200, 400, 600, 800, 1200]) {
  t = performance.now();
  const a = await sharp(orig).resize(w).avif({ quality: 50, effort: 4 }).toBuffer();
  const t2 = performance.now();
  const b = await sharp(orig).resize(w).webp({ quality: 75 }).toBuffer();
  console.log(w, 'avif', Math.round(t2 - t), a.length, 'webp', Math.round(performance.now() - t2), b.length);
}
t = performance.now();
const ph = await sharp(orig).resize(16).webp({ quality: 30 }).toBuffer();
console.log('ph', ph.length, performance.now() - t);
const q = await sharp(orig).resize(96).ensureAlpha().png({ palette: true, colours: 11, dither: 0 }).toBuffer();
const { data, info } = await sharp(q).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
const counts = new Map<number, number>();
for (let i = 0; i < data.length; i += 4) { const k = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!; counts.set(k, (counts.get(k) ?? 0) + 1); }
console.log(info, [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => '#' + k.toString(16).padStart(6, '0') + ':' + n).join(' '));
