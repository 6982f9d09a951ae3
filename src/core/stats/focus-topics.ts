/**
 * Focus topics (十件事): per topic of the settings' yearly list and per source (12345 orders, patrol
 * cases), how many were received, done and in progress, the 小区 or areas involved (most frequent
 * first, at most ten, then 等), the topic's repeat problems, and for a handful of patrol cases their
 * descriptions.
 *
 * Matching tolerates the common wrong characters of a topic's words (围档 for 围挡, 搭围 for 打围):
 * rule words and texts are compared after `matchKey` (normalised, confusable characters folded).
 * Descriptions are masked with the personal names and numbers of the exports before they leave here.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { FocusTopic, Settings } from '../settings/settings.ts';
import { createPlaceFinder } from '../text/places.ts';
import { matchKey } from '../text/confusables.ts';
import { maskPersonalInfo } from '../text/mask.ts';
import type { WallTime } from '../time/wall-time.ts';
import { flagCase } from './case-flags.ts';
import type { RepeatGroup } from './repeat-problems.ts';

export interface TopicSourceFigures {
  readonly received: number;
  readonly done: number;
  readonly inProgress: number;
  /** Places, most frequent first (ties: first seen), at most ten. */
  readonly places: readonly string[];
  /** More than ten places: the list ends with 等. */
  readonly morePlaces: boolean;
}

export interface TopicFigures {
  readonly topic: FocusTopic;
  readonly orders: TopicSourceFigures & { readonly repeatGroups: readonly RepeatGroup[] };
  readonly cases: TopicSourceFigures & { readonly descriptions: readonly string[] };
}

/** At most this many patrol cases are listed one by one instead of by area. */
export const describedCaseLimit = 5;
const placeLimit = 10;

/** Text as matching sees it, memoised per text (sub-types and category paths repeat). */
function createKeyOf(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (text === '') return '';
    let key = cache.get(text);
    if (key === undefined) {
      key = matchKey(text);
      if (cache.size < 20_000) cache.set(text, key);
    }
    return key;
  };
}

/** How often each place was named, and when first (for ties), as records are added. */
class PlaceCounts {
  private readonly counts = new Map<string, { count: number; first: number }>();

  /** Counts each name of one record once; `seq` orders records (first seen wins a tie). */
  add(names: readonly string[], seq: number): void {
    for (const name of names.length > 1 ? new Set(names) : names) {
      const entry = this.counts.get(name);
      if (entry) entry.count++;
      else this.counts.set(name, { count: 1, first: seq });
    }
  }

  /** Most named first (ties: first seen), at most ten, and whether there were more. */
  ranked(): { places: string[]; more: boolean } {
    const ranked = [...this.counts].sort(([, left], [, right]) => right.count - left.count || left.first - right.first).map(([name]) => name);
    return { places: ranked.slice(0, placeLimit), more: ranked.length > placeLimit };
  }
}

function rankPlaces(placeLists: readonly (readonly string[])[]): { places: string[]; more: boolean } {
  const counts = new PlaceCounts();
  placeLists.forEach((names, index) => counts.add(names, index));
  return counts.ranked();
}

/** The patrol-case side of one topic. */
export type CaseTopicFigures = TopicSourceFigures & { readonly descriptions: readonly string[] };

/**
 * The patrol cases of every focus topic, tallied case by case (a month in memory or a year streamed
 * alike): `add` each case of the cohort, then `finish`. Keeps counts and places, and the descriptions
 * of a topic's first few cases (listed when the topic has no more than `describedCaseLimit`).
 */
export class CaseTopicTally {
  private readonly findPlaces: ReturnType<typeof createPlaceFinder>;
  private readonly keyOf = createKeyOf();
  private readonly topics: { readonly subTypes: ReadonlySet<string>; readonly words: readonly string[]; received: number; done: number; readonly places: PlaceCounts; readonly descriptions: { seq: number; text: string }[] }[];
  private seq = 0;

  constructor(
    settings: Settings,
    private readonly personal?: ReadonlySet<string>,
  ) {
    this.findPlaces = createPlaceFinder(settings.knownCommunities, { personal });
    this.topics = settings.focusTopics.map((topic) => ({ subTypes: new Set(wordKeys(topic.caseSubTypes)), words: wordKeys(topic.caseWords), received: 0, done: 0, places: new PlaceCounts(), descriptions: [] }));
  }

  /** Adds one case of the cohort; `accepted` is its flag (a topic counts accepted cases only); `seq` its place in the cohort (default: the order added). */
  add(record: CaseRecord, accepted: boolean, seq = this.seq++): void {
    if (!accepted || this.topics.length === 0) return;
    const subType = record.subType === '' ? '' : this.keyOf(record.subType);
    let description: string | null = null;
    let places: string[] | null = null;
    for (const topic of this.topics) {
      let matches = subType !== '' && topic.subTypes.has(subType);
      if (!matches && topic.words.length > 0 && record.description !== '') {
        description ??= matchKey(record.description);
        matches = includesAny(description, topic.words);
      }
      if (!matches) continue;
      topic.received++;
      if (record.stage === 'closed') topic.done++;
      if (places === null) {
        const found = this.findPlaces(record.address).map((place) => place.name);
        places = found.length ? found : [record.street || record.community].filter(Boolean);
      }
      topic.places.add(places, seq);
      // The first few by their place in the cohort (cases may come out of order: see CaseCohortTally).
      topic.descriptions.push({ seq, text: record.description });
      if (topic.descriptions.length > describedCaseLimit + 1) {
        topic.descriptions.sort((left, right) => left.seq - right.seq);
        topic.descriptions.length = describedCaseLimit + 1;
      }
    }
  }

  /** Every topic's figures, in the settings' order; descriptions masked with `personal` (default: the names given at the start). */
  finish(personal = this.personal): CaseTopicFigures[] {
    return this.topics.map((topic) => {
      const ranked = topic.places.ranked();
      return {
        received: topic.received,
        done: topic.done,
        inProgress: topic.received - topic.done,
        places: ranked.places,
        morePlaces: ranked.more,
        descriptions: topic.received <= describedCaseLimit ? [...topic.descriptions].sort((left, right) => left.seq - right.seq).map((entry) => maskPersonalInfo(entry.text, personal)).filter(Boolean) : [],
      };
    });
  }
}

const emptyCaseTopic: CaseTopicFigures = { received: 0, done: 0, inProgress: 0, places: [], morePlaces: false, descriptions: [] };

const includesAny = (key: string, words: readonly string[]) => words.length > 0 && key !== '' && words.some((word) => key.includes(word));
const wordKeys = (words: readonly string[]) => words.map((word) => matchKey(word)).filter((word) => word !== '');

export interface ComputeFocusTopicsOptions {
  readonly settings: Settings;
  readonly asOf: WallTime;
  readonly categoryOf: ReadonlyMap<string, string>;
  readonly repeatGroups: readonly RepeatGroup[];
  /** Callers' names and numbers from the exports' personal columns: never part of a place name, masked in every description. */
  readonly personal?: ReadonlySet<string>;
}

/**
 * Figures of every focus topic over the period's 12345 orders and its patrol cases, the cases as a
 * `CaseTopicTally` counted them (`tallyCaseTopics` for cases held in a list); either may be empty.
 */
export function computeFocusTopics(orders: readonly OrderRecord[], caseFigures: readonly CaseTopicFigures[], options: ComputeFocusTopicsOptions): TopicFigures[] {
  const findPlaces = createPlaceFinder(options.settings.knownCommunities, { personal: options.personal });
  const keyOf = createKeyOf();
  // Every topic looks at the same texts: each is keyed once (not once per topic), and each order's
  // places found once.
  const orderTexts = orders.map((order) => ({ content: order.content === '' ? '' : matchKey(order.content), path: keyOf(order.categoryPath), category: options.categoryOf.get(order.orderId) ?? '' }));
  const orderPlaces = new Map<OrderRecord, string[]>();
  const placesOf = (order: OrderRecord) => {
    let names = orderPlaces.get(order);
    if (names === undefined) {
      const found = findPlaces(order.address);
      names = (found.length ? found : findPlaces(order.content)).filter((place) => place.kind === 'community').map((place) => place.name);
      orderPlaces.set(order, names);
    }
    return names;
  };
  return options.settings.focusTopics.map((topic, topicIndex) => {
    const orderWords = wordKeys(topic.orderWords);
    const categories = new Set(topic.orderCategories);
    const topicOrders = orders.filter((_, index) => {
      const texts = orderTexts[index];
      return categories.has(texts.category) || includesAny(texts.content, orderWords) || includesAny(texts.path, orderWords);
    });
    const topicOrderIds = new Set(topicOrders.map((order) => order.orderId));
    const orderPlaceRanks = rankPlaces(topicOrders.map(placesOf));
    const done = topicOrders.filter((order) => order.done).length;
    return {
      topic,
      orders: {
        received: topicOrders.length,
        done,
        inProgress: topicOrders.length - done,
        places: orderPlaceRanks.places,
        morePlaces: orderPlaceRanks.more,
        repeatGroups: options.repeatGroups.filter((group) => group.orders.some((order) => topicOrderIds.has(order.orderId))),
      },
      cases: caseFigures[topicIndex] ?? emptyCaseTopic,
    };
  });
}

/** The patrol-case side of every topic over cases held in a list (the cohort). */
export function tallyCaseTopics(cases: readonly CaseRecord[], options: Pick<ComputeFocusTopicsOptions, 'settings' | 'asOf' | 'personal'>): CaseTopicFigures[] {
  const tally = new CaseTopicTally(options.settings, options.personal);
  for (const record of cases) tally.add(record, flagCase(record, options.asOf).accepted);
  return tally.finish();
}
