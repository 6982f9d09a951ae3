/**
 * Similarity of two complaints' wording: the Dice coefficient of their character bigrams, after
 * digits, letters, punctuation and the place itself are removed (they say where, not what).
 */

/** The character bigrams of a text, as a set. */
export function bigramsOf(text: string, ignore: readonly string[] = []): Set<string> {
  let cleaned = text.normalize('NFKC');
  for (const word of ignore) if (word) cleaned = cleaned.split(word).join(' ');
  cleaned = cleaned.replace(/[^\u4e00-\u9fa5]+/g, ' ');
  const grams = new Set<string>();
  for (const part of cleaned.split(' ')) {
    for (let index = 0; index + 1 < part.length; index++) grams.add(part.slice(index, index + 2));
  }
  return grams;
}

/** Dice coefficient of two bigram sets (0 … 1); two empty sets are not similar. */
export function diceSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}
