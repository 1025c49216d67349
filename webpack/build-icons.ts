/**
 * PNG icons for the web app manifest and iOS, rendered from the SVG in app-icon.ts at build time
 * into `dist/icons/<name>.<hash>.png`, with `dist/icons/icons.json` naming the current files
 * (replaced atomically). Content-hashed names let the server send them as immutable.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { iconSvg, maskableIconSvg } from './app-icon';
import { distDir } from './paths';
import { distLayout } from '../shared/dist-layout';

/** Icon name → file name under dist/icons. */
export type IconIndex = Record<IconName, string>;
export type IconName = 'icon-192' | 'icon-512' | 'maskable-192' | 'maskable-512' | 'apple-touch-icon';

const ICONS: Array<{ name: IconName; svg: () => string; size: number }> = [
  { name: 'icon-192', svg: iconSvg, size: 192 },
  { name: 'icon-512', svg: iconSvg, size: 512 },
  { name: 'maskable-192', svg: maskableIconSvg, size: 192 },
  { name: 'maskable-512', svg: maskableIconSvg, size: 512 },
  // iOS rounds the corners itself and shows transparency as black: give it the full square.
  { name: 'apple-touch-icon', svg: maskableIconSvg, size: 180 },
];

/** Renders every icon; returns the index it wrote. */
export function buildIcons(): IconIndex {
  const dir = distLayout.iconsDir(distDir());
  fs.mkdirSync(dir, { recursive: true });
  const index = {} as IconIndex;
  for (const { name, svg, size } of ICONS) {
    const png = new Resvg(svg(), { fitTo: { mode: 'width', value: size } }).render().asPng();
    const file = `${name}.${crypto.createHash('sha256').update(png).digest('hex').slice(0, 12)}.png`;
    if (!fs.existsSync(path.join(dir, file))) fs.writeFileSync(path.join(dir, file), png);
    index[name] = file;
  }
  const temp = `${distLayout.iconsIndex(distDir())}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(index, null, 2) + '\n');
  fs.renameSync(temp, distLayout.iconsIndex(distDir()));
  return index;
}
