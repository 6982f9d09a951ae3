/**
 * The report category (噪音类, 规划建设类, …) of a 12345 order. Each category's words (and its name
 * without 类) are looked for in the order's category path first, then in its content; the category
 * with the longest word found wins, ties to the earlier category in the settings. So a category word
 * cannot capture another category's orders: 油烟扰民 (油烟扰民类) beats 扰民 wherever both occur.
 * Orders that match nothing go to the category without words (其他), else to a category named 其他.
 */
import type { HotlineCategory } from '../settings/settings.ts';
import { normalizeText } from '../text/normalize.ts';

export const otherCategoryName = '其他';

/** Builds the matcher for the settings' categories. */
export function createCategoryMatcher(categories: readonly HotlineCategory[]): (categoryPath: string, content: string) => string {
  const entries = categories.map((category, order) => ({
    name: category.name,
    order,
    words: [...new Set([...category.words, category.name.replace(/类$/, '')].map((word) => normalizeText(word)).filter((word) => word.length > 0 && word !== otherCategoryName))],
  }));
  const fallback = categories.find((category) => category.words.length === 0)?.name ?? otherCategoryName;
  const best = (text: string): string | null => {
    if (text === '') return null;
    let winner: { name: string; length: number; order: number } | null = null;
    for (const entry of entries) {
      for (const word of entry.words) {
        if (word.length > (winner?.length ?? 0) && text.includes(word)) winner = { name: entry.name, length: word.length, order: entry.order };
      }
    }
    return winner?.name ?? null;
  };
  // By the path as written: an export repeats a few dozen paths over all its orders.
  const cache = new Map<string, string | null>();
  return (categoryPath: string, content: string) => {
    let fromPath = cache.get(categoryPath);
    if (fromPath === undefined) {
      fromPath = best(normalizeText(categoryPath));
      cache.set(categoryPath, fromPath);
    }
    return fromPath ?? best(normalizeText(content)) ?? fallback;
  };
}
