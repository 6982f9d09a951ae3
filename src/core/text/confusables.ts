/**
 * Matching that tolerates the wrong characters clerks and citizens commonly type: a homophone picked
 * by the input method (围档 for 围挡, 搭围 for 打围, 燥音 for 噪音, 阴井 for 窨井), or a traditional form
 * (圍擋, 佔道). Each group of the table below folds onto one character; a rule word and a text are
 * compared after both are folded, so the table lists characters, never misspellings of one word.
 *
 * Keep a group to characters that are interchangeable in urban-management wording: folding 搭 and 打
 * makes 私搭乱建 and 私打乱建 one word, which is what we want; it must not make two real words one.
 */
import { normalizeText } from './normalize.ts';

/** Each string: the character every other character of the group folds onto, then the others. */
export const confusableGroups: readonly string[] = [
  '挡档擋當当', // 围挡 / 围档 / 围當
  '打搭', // 打围 / 搭围, 私搭乱建 / 私打乱建
  '围圍', // 围挡 / 圍擋
  '噪燥躁', // 噪音 / 燥音 / 躁音
  '窨阴陰', // 窨井 / 阴井
  '篷蓬', // 雨篷 / 雨蓬
  '占佔', // 占道 / 佔道
  '摊攤滩', // 摊点 / 攤點 / 滩点
  '贩販', // 摊贩
  '违違', // 违建
  '章障', // 违章 / 违障
  '掘倔崛', // 掘路 / 倔路
  '渣碴', // 渣土 / 碴土
  '垃拉', // 拉圾 for 垃圾
  '灯燈', // 路灯
  '盖蓋', // 井盖
  '广廣', // 广告
  '乱亂', // 乱搭乱建
  '设設', // 未设围挡
  '开開', // 开挖
];

const foldMap: ReadonlyMap<string, string> = new Map(
  confusableGroups.flatMap((group) => {
    const [target, ...others] = [...group];
    return others.map((other) => [other, target] as const);
  }),
);

/** For each UTF-16 code unit, the code unit it folds onto, or 0 when it folds onto nothing (every character of the table is in the BMP). */
const foldTable = new Uint16Array(0x10000);
for (const [other, target] of foldMap) {
  if (other.length !== 1 || target.length !== 1) throw new Error(`confusables: ${other} or ${target} is not one UTF-16 code unit`);
  foldTable[other.charCodeAt(0)] = target.charCodeAt(0);
}

/** Folds every confusable character of `text` onto its group's character (a text with none is returned as it is, unscanned by any pattern). */
export function foldConfusables(text: string): string {
  let out = '';
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const target = foldTable[text.charCodeAt(at)];
    if (target === 0) continue;
    out += text.slice(start, at) + String.fromCharCode(target);
    start = at + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** A text as tolerant matching compares it: normalised (half-width, no spaces) and folded. */
export function matchKey(text: string): string {
  return foldConfusables(normalizeText(text));
}
