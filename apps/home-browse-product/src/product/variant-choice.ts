/** Colour and size choice on the product page: which variant, what is out of stock, which image. */
import type { ProductImage, Variant } from '@storefront/kit';

export interface Choice {
  color: string | null;
  size: string | null;
}

/** Colours in the order the variants list them, with whether any size of each is in stock. */
export function colorsOf(variants: readonly Variant[]): Array<{ color: string; hex: string; inStock: boolean }> {
  const colors = new Map<string, { color: string; hex: string; inStock: boolean }>();
  for (const v of variants) {
    const entry = colors.get(v.color) ?? { color: v.color, hex: v.colorHex, inStock: false };
    entry.inStock ||= v.stock > 0;
    colors.set(v.color, entry);
  }
  return [...colors.values()];
}

/** Sizes in order, with whether the size is in stock in the chosen colour. */
export function sizesOf(variants: readonly Variant[], color: string | null): Array<{ size: string; inStock: boolean }> {
  const sizes = new Map<string, boolean>();
  for (const v of variants) {
    if (v.size === null) continue;
    const available = v.stock > 0 && (color === null || v.color === color);
    sizes.set(v.size, (sizes.get(v.size) ?? false) || available);
  }
  return [...sizes].map(([size, inStock]) => ({ size, inStock }));
}

/** The variant a choice names, if it exists. */
export function variantFor(variants: readonly Variant[], choice: Choice): Variant | null {
  return variants.find((v) => v.color === choice.color && v.size === choice.size) ?? null;
}

/** The first in-stock variant (or the first at all): what the page opens with. */
export function initialChoice(variants: readonly Variant[]): Choice {
  const v = variants.find((candidate) => candidate.stock > 0) ?? variants[0];
  return v ? { color: v.color, size: v.size } : { color: null, size: null };
}

/** Choosing a colour keeps the size if that colour has it in stock, else picks its first size in stock. */
export function chooseColor(variants: readonly Variant[], choice: Choice, color: string): Choice {
  const same = variants.find((v) => v.color === color && v.size === choice.size && v.stock > 0);
  if (same) return { color, size: choice.size };
  const first = variants.find((v) => v.color === color && v.stock > 0) ?? variants.find((v) => v.color === color);
  return { color, size: first?.size ?? null };
}

/**
 * The gallery image of a colour. Images after the first are shots "in <colour>"; the first shows
 * the product's own (first) colour, so a colour without its own shot falls back to it.
 */
export function imageIndexForColor(images: readonly ProductImage[], color: string | null): number {
  if (!color) return 0;
  const suffix = ` in ${color}`.toLowerCase();
  const index = images.findIndex((image) => image.alt.toLowerCase().endsWith(suffix));
  return index === -1 ? 0 : index;
}
