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

function rankPlaces(placeLists: readonly (readonly string[])[]): { places: string[]; more: boolean } {
  const counts = new Map<string, { count: number; first: number }>();
  placeLists.forEach((names, index) => {
    for (const name of new Set(names)) {
      const entry = counts.get(name);
      if (entry) entry.count++;
      else counts.set(name, { count: 1, first: index });
    }
  });
  const ranked = [...counts].sort(([, left], [, right]) => right.count - left.count || left.first - right.first).map(([name]) => name);
  return { places: ranked.slice(0, placeLimit), more: ranked.length > placeLimit };
}

export interface ComputeFocusTopicsOptions {
  readonly settings: Settings;
  readonly asOf: WallTime;
  readonly categoryOf: ReadonlyMap<string, string>;
  readonly repeatGroups: readonly RepeatGroup[];
  /** Callers' names and numbers from the exports' personal columns: never part of a place name, masked in every description. */
  readonly personal?: ReadonlySet<string>;
}

/** Figures of every focus topic over the period's cohorts (orders and cases, either may be empty). */
export function computeFocusTopics(orders: readonly OrderRecord[], cases: readonly CaseRecord[], options: ComputeFocusTopicsOptions): TopicFigures[] {
  const findPlaces = createPlaceFinder(options.settings.knownCommunities, { personal: options.personal });
  const keyOf = createKeyOf();
  const includesAny = (key: string, words: readonly string[]) => words.length > 0 && key !== '' && words.some((word) => key.includes(word));
  const keys = (words: readonly string[]) => words.map((word) => matchKey(word)).filter((word) => word !== '');
  // Every topic looks at the same texts: each is keyed once (not once per topic), and each order's
  // places found once.
  const orderTexts = orders.map((order) => ({ content: order.content === '' ? '' : matchKey(order.content), path: keyOf(order.categoryPath), category: options.categoryOf.get(order.orderId) ?? '' }));
  const caseTexts = cases.map((record) => ({ description: record.description === '' ? '' : matchKey(record.description), subType: keyOf(record.subType) }));
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
  const accepted = new Map<CaseRecord, boolean>();
  const isAccepted = (record: CaseRecord) => {
    let flag = accepted.get(record);
    if (flag === undefined) {
      flag = flagCase(record, options.asOf).accepted;
      accepted.set(record, flag);
    }
    return flag;
  };
  return options.settings.focusTopics.map((topic) => {
    const orderWords = keys(topic.orderWords);
    const caseWords = keys(topic.caseWords);
    const categories = new Set(topic.orderCategories);
    const topicOrders = orders.filter((_, index) => {
      const texts = orderTexts[index];
      return categories.has(texts.category) || includesAny(texts.content, orderWords) || includesAny(texts.path, orderWords);
    });
    const topicOrderIds = new Set(topicOrders.map((order) => order.orderId));
    const orderPlaceRanks = rankPlaces(topicOrders.map(placesOf));
    const done = topicOrders.filter((order) => order.done).length;

    const subTypes = new Set(keys(topic.caseSubTypes));
    const topicCases = cases.filter((record, index) => {
      const texts = caseTexts[index];
      return ((record.subType !== '' && subTypes.has(texts.subType)) || includesAny(texts.description, caseWords)) && isAccepted(record);
    });
    const casesDone = topicCases.filter((record) => record.stage === 'closed').length;
    const caseAreas = rankPlaces(
      topicCases.map((record) => {
        const places = findPlaces(record.address).map((place) => place.name);
        return places.length ? places : [record.street || record.community].filter(Boolean);
      }),
    );
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
      cases: {
        received: topicCases.length,
        done: casesDone,
        inProgress: topicCases.length - casesDone,
        places: caseAreas.places,
        morePlaces: caseAreas.more,
        descriptions: topicCases.length <= describedCaseLimit ? topicCases.map((record) => maskPersonalInfo(record.description, options.personal)).filter(Boolean) : [],
      },
    };
  });
}
