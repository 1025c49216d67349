/**
 * "Showing results for iphone": corrections of query words the catalog does not know, from the
 * index's own vocabulary. Distance is optimal string alignment (a swapped pair of letters is one
 * edit, "iphnoe" → "iphone"), which the engine's fuzzy matching (plain Levenshtein) counts as two.
 */

/** Edits (insert, delete, substitute, swap neighbours) between two words, stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a word of this length: none below 4 letters, where one edit makes another word. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/** Words of the catalog with how many products use them, for corrections. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();

  /** Adds the words of one product (each counted once per product). */
  add(words: Iterable<string>): void {
    for (const word of new Set(words)) if (/^\p{L}[\p{L}\p{N}]*$/u.test(word)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The closest known word, fewest edits first, then the most common; null when none is close. */
  correct(word: string): string | null {
    const max = allowedEdits(word);
    if (max === 0 || this.counts.has(word)) return null;
    let best: { word: string; edits: number; count: number } | null = null;
    for (const [candidate, count] of this.counts) {
      const edits = editDistance(word, candidate, max);
      if (edits > max) continue;
      if (!best || edits < best.edits || (edits === best.edits && count > best.count)) best = { word: candidate, edits, count };
    }
    return best?.word ?? null;
  }
}
