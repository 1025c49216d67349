/**
 * The palette of a product photo: drop the background (border-connected region), quantize what is
 * left to its ten most common colours, and pick each named colour's swatch from those ten.
 */
import { backgroundMask, labPixels, productPixels, type RgbaImage } from './background-mask';
import { hexOfLab, labOfCss } from './colour-space';
import { binPixels, kMeans } from './kmeans';
import { pickSwatch, SWATCH_MAX_DELTA_E, type Swatch } from './swatch-pick';

/** How many colours a photo's palette keeps. */
export const PALETTE_SIZE = 10;

/** One colour of the stored palette. */
export interface PaletteColour {
  hex: string;
  /** Share of the product's pixels, 0..1, two decimals. */
  share: number;
}

export interface PhotoPalette {
  palette: PaletteColour[];
  /** Share of the image found to be background, 0..1. */
  background: number;
}

/** A colour a product comes in: its name and the value typed for it (the reference a swatch is picked by). */
export interface NamedColour {
  name: string;
  hex: string;
}

/** Analyses a small RGBA rendering of a photo (about 100 px a side is plenty). */
export function photoPalette(image: RgbaImage): PhotoPalette {
  const lab = labPixels(image);
  const mask = backgroundMask(image, lab);
  let pixels = productPixels(mask, image.width, image.height);
  // A background that swallowed (nearly) everything was the product's own colour: keep it all.
  if (pixels.length < image.width * image.height * 0.01) pixels = [...lab.keys()].filter((i) => image.data[i * 4 + 3]! >= 16);
  const entries = kMeans(binPixels(pixels, lab, image.data), PALETTE_SIZE);
  const background = mask.reduce((sum, v) => sum + v, 0) / mask.length;
  return {
    palette: entries.map((entry) => ({ hex: hexOfLab(entry.lab), share: Math.round(entry.share * 100) / 100 })),
    background: Math.round(background * 100) / 100,
  };
}

/**
 * The swatch of each named colour the palette truly shows (within SWATCH_MAX_DELTA_E of the name's
 * value), by name; a colour the photo does not show gets none and keeps its typed value.
 */
export function pickSwatches(palette: readonly PaletteColour[], colours: readonly NamedColour[]): Record<string, Swatch> {
  const entries = palette.map((colour) => ({ lab: labOfCss(colour.hex), share: colour.share }));
  const swatches: Record<string, Swatch> = {};
  for (const colour of colours) {
    const swatch = pickSwatch(colour.hex, entries);
    if (swatch && swatch.deltaE <= SWATCH_MAX_DELTA_E) swatches[colour.name] = swatch;
  }
  return swatches;
}
