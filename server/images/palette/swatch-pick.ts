/**
 * Picks, for a named colour, the shade of the photo's palette that looks closest to it (CIEDE2000).
 * The name's typed value only chooses among the photo's own colours; the swatch shows the photo's.
 */
import { deltaE2000, hexOfLab, labOfCss } from './colour-space';
import type { PaletteEntry } from './kmeans';

/** A swatch taken from a photo: its CSS colour and how far it is from the named colour's value. */
export interface Swatch {
  hex: string;
  deltaE: number;
}

/** Palette colours rarer than this are antialiasing, specks or reflections: never a swatch. */
export const MIN_SWATCH_SHARE = 0.02;

/**
 * A pick further than this from the named colour is not that colour at all (the photo does not show
 * it, or shows it melted into the backdrop): the typed value stays the swatch. ΔE00 12 is "clearly
 * another colour" while still allowing for lighting.
 */
export const SWATCH_MAX_DELTA_E = 12;

/** The palette colour nearest to `named` (a CSS colour), or undefined for an empty palette. */
export function pickSwatch(named: string, palette: readonly PaletteEntry[]): Swatch | undefined {
  const target = labOfCss(named);
  let best: Swatch | undefined;
  for (const entry of palette) {
    if (entry.share < MIN_SWATCH_SHARE) continue;
    const deltaE = deltaE2000(target, entry.lab);
    if (!best || deltaE < best.deltaE) best = { hex: hexOfLab(entry.lab), deltaE: Math.round(deltaE * 10) / 10 };
  }
  return best;
}
