/** Colour maths for the illustrations: tints and shades of the product colour. */

/** The colours one illustration is painted with, all derived from the product's colour. */
export interface Palette {
  base: string;
  light: string;
  dark: string;
  /** Background: the colour washed almost to white. */
  wash: string;
  /** Text and line colour that reads on `base`. */
  ink: string;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** `hex` moved towards `target` by `amount` (0..1). */
export function mix(hex: string, target: string, amount: number): string {
  const a = channels(hex);
  const b = channels(target);
  return toHex([a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount]);
}

/** Perceived brightness, 0..1. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex);
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

/** The palette of an illustration in colour `hex`. */
export function paletteFor(hex: string): Palette {
  const bright = luminance(hex) > 0.6;
  return {
    base: hex,
    light: mix(hex, '#ffffff', 0.35),
    dark: mix(hex, '#000000', bright ? 0.3 : 0.35),
    wash: mix(hex, '#ffffff', bright ? 0.6 : 0.88),
    ink: bright ? '#1f2329' : '#ffffff',
  };
}
