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

const hex = z.string().regex(/^#[0-9a-f]{6}$/);

/** A processed photo as the catalog keeps it: what the API shows, plus its palette and swatches. */
const storedPhotoSchema = z.object({
  /** Content address of the derived files (`/img/v1/<key>/…`). */
  key: z.string().regex(/^[0-9a-f]{20,64}$/),
  /** sha256 of the kept original. */
  original: z.string().regex(/^[0-9a-f]{64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  widths: z.array(z.number().int().positive()).min(1),
  placeholder: z.string().startsWith('data:image/'),
  /** The photo's ten most common product colours (background dropped). */
  palette: z.array(z.object({ hex, share: z.number() })).max(10),
  /** Swatch of each variant colour the photo shows, by colour name. */
  swatches: z.record(z.string(), z.object({ hex, deltaE: z.number() })),
});

/** A processed photo as stored in a shot. */
export type StoredPhoto = z.infer<typeof storedPhotoSchema>;

/** Most pictures one product may have. */
export const MAX_SHOTS = 12;

const specSchema = z.object({
  kind: z.enum(IMAGE_KINDS),
  /** Short text printed on packs and book covers. */
  label: z.string().max(80).optional(),
  /** Second line on book covers (the author). */
  sublabel: z.string().max(60).optional(),
  /**
   * Each picture: a drawing (`hex`, `view`) for seeded products, which gets a `photo` once the
   * studio raster of it went through the photo pipeline; an upload has only a `photo`.
   */
  shots: z
    .array(
      z
        .object({ hex: hex.optional(), view: z.union([z.literal(0), z.literal(1)]).optional(), alt: z.string(), photo: storedPhotoSchema.optional() })
        .refine((shot) => shot.photo !== undefined || shot.hex !== undefined, 'a shot is a drawing or a photo'),
    )
    .min(1)
    .max(MAX_SHOTS),
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
