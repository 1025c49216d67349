/**
 * Product "photos" painted pixel by pixel with colours the test knows: a backdrop (flat, vignetted
 * or coloured), product shapes with lighting gradients, a soft floor shadow and sensor noise, then
 * saved as a JPEG like a camera would. For the palette tests and the image benchmark only.
 */
import sharp from 'sharp';

export type Rgb = [number, number, number];

/** A filled shape: `inside` says whether a point (0..1 coordinates) is in it, `colour` what it is there. */
export interface Shape {
  inside(x: number, y: number): boolean;
  colour(x: number, y: number): Rgb;
}

export interface Scene {
  size?: number;
  background(x: number, y: number): Rgb;
  shapes: Shape[];
  /** A soft dark ellipse under the product: centre, radii (0..1) and darkness at its middle (0..1). */
  shadow?: { cx: number; cy: number; rx: number; ry: number; darkness: number };
  /** Standard deviation of per-pixel noise, in 8-bit levels. */
  noise?: number;
}

/** `#rrggbb` → [r, g, b]. */
export function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `colour` scaled in brightness by `factor` (1 = unchanged), as light falling across a surface does. */
export function lit([r, g, b]: Rgb, factor: number): Rgb {
  return [r * factor, g * factor, b * factor];
}

/** A flat backdrop. */
export const flat = (hex: string) => (): Rgb => rgb(hex);

/** A studio sweep: `centre` in the middle, darkening towards the corners by `falloff` (0..1). */
export const vignette = (hex: string, falloff: number) => (x: number, y: number): Rgb => lit(rgb(hex), 1 - falloff * Math.hypot(x - 0.5, y - 0.5) * 1.4);

/** An ellipse of colour `hex`, lit from the top left (±`light` in brightness across it). */
export function ellipse(cx: number, cy: number, rx: number, ry: number, hex: string, light = 0): Shape {
  return {
    inside: (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1,
    colour: (x, y) => lit(rgb(hex), 1 + light * (((cx - x) / rx + (cy - y) / ry) / 2)),
  };
}

/** A rectangle of colour `hex` (0..1 coordinates), lit from the top (±`light`). */
export function rect(x0: number, y0: number, x1: number, y1: number, hex: string, light = 0): Shape {
  return {
    inside: (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1,
    colour: (_x, y) => lit(rgb(hex), 1 + light * (1 - (2 * (y - y0)) / (y1 - y0))),
  };
}

/** A deterministic normal-ish noise source (sum of uniforms), so the same scene gives the same bytes. */
function noiseSource(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  return () => uniform() + uniform() + uniform() + uniform() - 2;
}

/** Paints the scene (2×2 samples a pixel, so edges are antialiased) and saves it as a JPEG. */
export async function paintPhoto(scene: Scene): Promise<Buffer> {
  const size = scene.size ?? 480;
  const data = Buffer.alloc(size * size * 3);
  const noise = noiseSource(7);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum: Rgb = [0, 0, 0];
      for (const [sx, sy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]] as const) {
        const x = (px + sx) / size;
        const y = (py + sy) / size;
        let colour = scene.background(x, y);
        const s = scene.shadow;
        if (s) {
          const d = Math.hypot((x - s.cx) / s.rx, (y - s.cy) / s.ry);
          if (d < 1) colour = lit(colour, 1 - s.darkness * (1 - d) ** 1.5);
        }
        for (const shape of scene.shapes) if (shape.inside(x, y)) colour = shape.colour(x, y);
        for (let c = 0; c < 3; c++) sum[c] = sum[c]! + colour[c]! / 4;
      }
      const grain = (scene.noise ?? 0) * noise();
      for (let c = 0; c < 3; c++) data[(py * size + px) * 3 + c] = Math.max(0, Math.min(255, Math.round(sum[c]! + grain)));
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}
