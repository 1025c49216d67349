/** Cuts a list into consecutive slices of `size` items (the last may be shorter); none for an empty list. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`slice size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}
