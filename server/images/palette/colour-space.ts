/**
 * Colours as the palette maths needs them: CIELAB (D65, culori's `lab65`) for distances, `#rrggbb`
 * for CSS, and CIEDE2000 for "which of these looks closest". culori does the colour science.
 */
import { converter, differenceCiede2000, formatHex } from 'culori';

/** A colour in CIELAB (D65): lightness 0–100 and the two opponent axes. */
export interface Lab {
  l: number;
  a: number;
  b: number;
}

const toLab = converter('lab65');
const toRgb = converter('rgb');
const ciede2000 = differenceCiede2000();

/** CIELAB of an 8-bit sRGB colour. */
export function labOfBytes(r: number, g: number, b: number): Lab {
  const lab = toLab({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
  return { l: lab.l, a: lab.a, b: lab.b };
}

/** CIELAB of a CSS colour; throws a TypeError on something that is not one. */
export function labOfCss(css: string): Lab {
  const lab = toLab(css);
  if (!lab) throw new TypeError(`not a CSS colour: ${JSON.stringify(css)}`);
  return { l: lab.l, a: lab.a, b: lab.b };
}

/** `#rrggbb` of a CIELAB colour, clamped into sRGB. */
export function hexOfLab(lab: Lab): string {
  const rgb = toRgb({ mode: 'lab65', ...lab });
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return formatHex({ mode: 'rgb', r: clamp(rgb.r), g: clamp(rgb.g), b: clamp(rgb.b) });
}

/** CIE76 ΔE: plain Euclidean distance in CIELAB, cheap enough for every pixel of a flood fill. */
export function deltaE76(x: Lab, y: Lab): number {
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** CIEDE2000 ΔE between two colours: about 1 is a just-noticeable difference, 5 clearly visible. */
export function deltaE2000(x: Lab, y: Lab): number {
  return ciede2000({ mode: 'lab65', ...x }, { mode: 'lab65', ...y });
}
