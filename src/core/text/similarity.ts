/**
 * Similarity of two complaints' wording: the Dice coefficient of their character bigrams, after
 * digits, letters, punctuation and the place itself are removed (they say where, not what).
 */

import { nfkc } from './normalize.ts';

/** A bigram of two ideographs (U+4E00 to U+9FA5) as one small integer: no string made per bigram. */
const ideographs = 0x9fa5 - 0x4e00 + 1;

/** The character bigrams of a text (of its runs of ideographs), as a set of numbers (`a * 20,902 + b`, from U+4E00). */
export function bigramsOf(text: string, ignore: readonly string[] = []): Set<number> {
  let cleaned = nfkc(text);
  for (const word of ignore) if (word) cleaned = cleaned.split(word).join(' ');
  const grams = new Set<number>();
  let previous = -1;
  for (let at = 0; at < cleaned.length; at++) {
    const code = cleaned.charCodeAt(at) - 0x4e00;
    if (code < 0 || code >= ideographs) {
      previous = -1;
      continue;
    }
    if (previous >= 0) grams.add(previous * ideographs + code);
    previous = code;
  }
  return grams;
}

/** Dice coefficient of two bigram sets (0 … 1); two empty sets are not similar. */
export function diceSimilarity<T>(left: ReadonlySet<T>, right: ReadonlySet<T>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}
