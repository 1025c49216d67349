/**
 * What the store keeps about a product's pictures: not pixels, only the inputs of the local SVG
 * renderer (an illustration kind, a tint per shot, a label), so images cost a few bytes per product.
 */
import { z } from 'zod';

/** Bump when the renderer's output changes: it is part of every image URL, so caches stay immutable. */
export const IMAGE_VERSION = 1;

export const IMAGE_KINDS = [
  'phone', 'shirt', 'tshirt', 'dress', 'jeans', 'shoe', 'laptop', 'headphones', 'watch', 'speaker',
  'sofa', 'lamp', 'chair', 'fridge', 'washer', 'tv', 'ac', 'mixer', 'bottle', 'jar', 'lipstick', 'pack', 'book',
] as const;

/** The illustration drawn for a product. */
export type ImageKind = (typeof IMAGE_KINDS)[number];

const specSchema = z.object({
  kind: z.enum(IMAGE_KINDS),
  /** Short text printed on packs and book covers. */
  label: z.string().max(80).optional(),
  /** Second line on book covers (the author). */
  sublabel: z.string().max(60).optional(),
  shots: z
    .array(z.object({ hex: z.string().regex(/^#[0-9a-f]{6}$/), view: z.union([z.literal(0), z.literal(1)]), alt: z.string() }))
    .min(1)
    .max(6),
});

/** The JSON held in `products.images`. */
export type ImageSpec = z.infer<typeof specSchema>;

/** Reads the stored JSON; throws when the row was written by something else. */
export function parseImageSpec(json: string): ImageSpec {
  return specSchema.parse(JSON.parse(json));
}

/** Same-origin URL of one image of a product; versioned so it can be cached forever. */
export function imageUrl(productId: string, index: number): string {
  return `/img/p/${productId}/${index}.svg?v=${IMAGE_VERSION}`;
}
