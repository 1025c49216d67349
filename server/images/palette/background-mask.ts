/**
 * Finds a photo's background: the region connected to the image border whose colour stays close to
 * the border's dominant colour, grown pixel by pixel so that studio gradients, vignettes and soft
 * shadows are followed while the product's own edge (a jump in colour) stops the fill.
 */
import { deltaE76, labOfBytes, type Lab } from './colour-space';

/** Pixels as the decoder gives them: RGBA, row by row. */
export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface BackgroundOptions {
  /** Largest ΔE76 between neighbouring background pixels: gradients change slowly, edges jump. */
  step: number;
  /** Largest ΔE76 between any background pixel and the border's dominant colour. */
  reach: number;
  /** Share of border pixels that must share one colour for the image to have a background at all. */
  minBorderShare: number;
}

export const DEFAULT_BACKGROUND: BackgroundOptions = { step: 3, reach: 24, minBorderShare: 0.35 };

// Fully transparent pixels are background whatever their colour channels say.
const TRANSPARENT = 16;

/** CIELAB of every pixel (transparent ones included; the mask decides about them). */
export function labPixels(image: RgbaImage): Lab[] {
  const out: Lab[] = new Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = labOfBytes(image.data[i * 4]!, image.data[i * 4 + 1]!, image.data[i * 4 + 2]!);
  return out;
}

/** Indexes of the pixels on the image's edge, clockwise from the top left. */
function borderPixels(width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x++) out.push(x);
  for (let y = 1; y < height; y++) out.push(y * width + width - 1);
  for (let x = width - 2; x >= 0; x--) out.push((height - 1) * width + x);
  for (let y = height - 2; y > 0; y--) out.push(y * width);
  return out;
}

/** The border colour most border pixels are close to, and how many are; undefined for a transparent border. */
function dominantBorderColour(lab: readonly Lab[], border: readonly number[], opaque: (i: number) => boolean, step: number): { colour: Lab; share: number } | undefined {
  const candidates = border.filter(opaque);
  if (candidates.length === 0) return undefined;
  // Sampling keeps this linear-ish on big borders; every 4th pixel still sees each side many times.
  const sample = candidates.filter((_, n) => n % 4 === 0);
  let best = sample[0]!;
  let bestCount = -1;
  for (const i of sample) {
    let count = 0;
    for (const j of sample) if (deltaE76(lab[i]!, lab[j]!) <= step * 2) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  return { colour: lab[best]!, share: bestCount / sample.length };
}

/**
 * A mask with 1 for background pixels and 0 for the product. An image whose border has no
 * dominant colour (the product fills the frame) has no background: only transparent pixels are.
 */
export function backgroundMask(image: RgbaImage, lab: readonly Lab[], options: BackgroundOptions = DEFAULT_BACKGROUND): Uint8Array {
  const { width, height, data } = image;
  const mask = new Uint8Array(width * height);
  const opaque = (i: number) => data[i * 4 + 3]! >= TRANSPARENT;
  for (let i = 0; i < mask.length; i++) if (!opaque(i)) mask[i] = 1;

  const border = borderPixels(width, height);
  const dominant = dominantBorderColour(lab, border, opaque, options.step);
  if (!dominant || dominant.share < options.minBorderShare) return mask;

  // Each filled pixel carries a running average of the colours along its path: a gentle gradient
  // moves it along, while an edge that downscaling smeared over two pixels still shows its full jump.
  const anchor = new Float32Array(width * height * 3);
  const setAnchor = (j: number, from: Lab, c: Lab) => {
    anchor[j * 3] = from.l * 0.8 + c.l * 0.2;
    anchor[j * 3 + 1] = from.a * 0.8 + c.a * 0.2;
    anchor[j * 3 + 2] = from.b * 0.8 + c.b * 0.2;
  };
  const anchorOf = (i: number): Lab => ({ l: anchor[i * 3]!, a: anchor[i * 3 + 1]!, b: anchor[i * 3 + 2]! });
  const queue = new Int32Array(width * height);
  let head = 0;
  let tail = 0;
  const seen = new Uint8Array(width * height);
  for (const i of border) {
    if (seen[i] || !opaque(i) || deltaE76(lab[i]!, dominant.colour) > options.reach) continue;
    seen[i] = 1;
    mask[i] = 1;
    setAnchor(i, lab[i]!, lab[i]!);
    queue[tail++] = i;
  }
  while (head < tail) {
    const i = queue[head++]!;
    const x = i % width;
    const here = anchorOf(i);
    const neighbours = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
    for (const j of neighbours) {
      if (j < 0 || j >= mask.length || seen[j]) continue;
      if (!opaque(j)) {
        seen[j] = 1;
        setAnchor(j, here, here);
        queue[tail++] = j;
        continue;
      }
      if (deltaE76(lab[j]!, here) > options.step || deltaE76(lab[j]!, dominant.colour) > options.reach) continue;
      seen[j] = 1;
      mask[j] = 1;
      setAnchor(j, here, lab[j]!);
      queue[tail++] = j;
    }
  }
  return mask;
}

/**
 * The product mask shrunk by one pixel: the edge pixels are a blend of product and background, a
 * colour that is in neither, so they stay out of the palette.
 */
export function productPixels(mask: Uint8Array, width: number, height: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i]) continue;
      const edge = (x > 0 && mask[i - 1]) || (x < width - 1 && mask[i + 1]) || (y > 0 && mask[i - width]) || (y < height - 1 && mask[i + width]);
      if (!edge) out.push(i);
    }
  }
  return out;
}
