/**
 * Stage words → the life-cycle ladder. A stage matches a word when they are equal after normalisation
 * (brackets of any kind and spaces dropped), never by containment: 处置 is dispatched, 处置反馈 is
 * disposed. Platforms put the stage word in brackets, alone (`[办结]`, `【作废】`, `〔核查〕`) or beside
 * other text (`[核查]待核查`, `处置中(超时)`): when the whole text is no stage word, the part inside the
 * brackets is tried, then the part outside them.
 */
import { stageSteps, type Settings, type StageStep } from '../settings/settings.ts';
import { bracketedParts, normalizeName, outsideBrackets } from '../text/normalize.ts';

/** Returns the step of a stage text, or null when no stage word equals it (whole, inside or outside its brackets). */
export function createStageResolver(settings: Settings): (stageText: string) => StageStep | null {
  const byWord = new Map<string, StageStep>();
  for (const step of stageSteps) {
    for (const word of settings.stageWords[step] ?? []) {
      const key = normalizeName(word);
      if (key !== '' && !byWord.has(key)) byWord.set(key, step);
    }
  }
  return (stageText: string) => {
    const whole = byWord.get(normalizeName(stageText));
    if (whole !== undefined) return whole;
    if (!/[\p{Ps}\p{Pe}]/u.test(stageText)) return null;
    for (const part of bracketedParts(stageText)) {
      const inside = byWord.get(part);
      if (inside !== undefined) return inside;
    }
    return byWord.get(outsideBrackets(stageText)) ?? null;
  };
}

/** Position on the main ladder (reported 0 … closed 5); the stop steps sit where they stop. */
export const ladderRank: Readonly<Record<StageStep, number>> = {
  reported: 0,
  notAccepted: 0,
  accepted: 1,
  notFiled: 1,
  filed: 2,
  dispatched: 3,
  disposed: 4,
  closed: 5,
  voided: 0,
};

/** Source spellings → configured source names; unknown sources keep their spelling. */
export function createSourceResolver(settings: Settings): (sourceText: string) => { name: string; known: boolean; selfDisposal: boolean } {
  const byKey = new Map<string, { name: string; known: boolean; selfDisposal: boolean }>();
  for (const source of settings.sources) {
    const entry = { name: source.name, known: true, selfDisposal: source.selfDisposal };
    for (const spelling of [source.name, ...source.aliases]) {
      const key = normalizeName(spelling);
      if (key !== '' && !byKey.has(key)) byKey.set(key, entry);
    }
  }
  const unknownBlank = { name: '（未填来源）', known: false, selfDisposal: false };
  return (sourceText: string) => {
    const key = normalizeName(sourceText);
    if (key === '') return unknownBlank;
    return byKey.get(key) ?? { name: sourceText.trim().normalize('NFKC'), known: false, selfDisposal: false };
  };
}
