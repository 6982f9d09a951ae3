/**
 * Repeat problems (热难点): groups of at least N orders about the same problem at the same place.
 * Orders are first blocked by unit, place name and report category (no all-pairs comparison across
 * the month), then compared inside a block (all pairs in a block of up to 400, a bounded window of
 * neighbours in a larger one): building/door numbers must be compatible and the wording similar. A group
 * never holds two numbers that conflict, even through an order that gives none: twenty complaints
 * about twenty buildings of one 小区 stay twenty problems. Orders linked by a repeat-of column or
 * grouped by hand in the flags sheet are grouped whatever their text.
 */
import type { OrderRecord } from '../model/order-record.ts';
import { areNumbersCompatible, type Place } from '../text/places.ts';
import { bigramsOf, diceSimilarity } from '../text/similarity.ts';

export interface RepeatGroup {
  readonly orders: readonly OrderRecord[];
  readonly category: string;
  /** The most common finest category level of its orders. */
  readonly subCategory: string;
  /** Place name, when the group has one. */
  readonly place: string;
  /** The order whose wording is closest to all the others (not yet masked). */
  readonly representative: OrderRecord;
}

export interface FindRepeatProblemsOptions {
  readonly threshold: number;
  readonly categoryOf: (order: OrderRecord) => string;
  readonly placeOf: (order: OrderRecord) => Place | null;
  /** Unit key used for blocking (second level when known). */
  readonly unitKeyOf: (order: OrderRecord) => string;
  /** Groups of order ids set by hand (flags sheet). */
  readonly manualGroups?: readonly (readonly string[])[];
}

/** Wording similarity needed: both orders give compatible numbers / one gives none / neither gives one. */
const similarityWithNumbers = 0.12;
const similarityOneNumberMissing = 0.4;
const similarityNoNumbers = 0.25;

/**
 * Groups under construction (union-find). Each group keeps the distinct building/door numbers of its
 * orders, so checking that two groups may join costs distinct × distinct numbers, however many orders
 * they hold (a group of 50,000 complaints about one door has one number, not 50,000).
 */
class Components {
  private readonly parent: number[];
  readonly numbers: Map<string, readonly string[]>[];
  constructor(size: number, numbers: (readonly string[])[]) {
    this.parent = Array.from({ length: size }, (_, index) => index);
    this.numbers = numbers.map((number) => (number.length ? new Map([[number.join('\u0000'), number]]) : new Map()));
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[index] !== root) {
      const next = this.parent[index];
      this.parent[index] = root;
      index = next;
    }
    return root;
  }
  /** areNumbersCompatible of two distinct numbers, by their keys: a block's orders repeat a handful of numbers. */
  private readonly compatibility = new Map<string, Map<string, boolean>>();
  private compatibleNumbers(leftKey: string, left: readonly string[], rightKey: string, right: readonly string[]): boolean {
    if (leftKey === rightKey) return true;
    let byRight = this.compatibility.get(leftKey);
    if (byRight === undefined) {
      byRight = new Map();
      this.compatibility.set(leftKey, byRight);
    }
    let result = byRight.get(rightKey);
    if (result === undefined) {
      result = areNumbersCompatible(left, right);
      byRight.set(rightKey, result);
    }
    return result;
  }
  /** Whether every number of one component is compatible with every number of the other. */
  compatible(left: number, right: number): boolean {
    const [a, b] = [this.numbers[this.find(left)], this.numbers[this.find(right)]];
    for (const [keyX, x] of a) for (const [keyY, y] of b) if (!this.compatibleNumbers(keyX, x, keyY, y)) return false;
    return true;
  }
  union(left: number, right: number): void {
    let [a, b] = [this.find(left), this.find(right)];
    if (a === b) return;
    // The group with more numbers absorbs the other: each number moves O(log n) times at most.
    if (this.numbers[a].size < this.numbers[b].size) [a, b] = [b, a];
    this.parent[b] = a;
    for (const [key, number] of this.numbers[b]) this.numbers[a].set(key, number);
    this.numbers[b] = new Map();
  }
}

/**
 * Blocks up to this size compare every pair of orders. A larger block (8,000 complaints about one
 * address) compares each order with its neighbours in the block sorted by number and time, at most
 * `pairBudget` pairs per block: the work stays linear in the orders, and orders about the same
 * building still meet, since they sort together.
 */
const allPairsBlock = 400;
const pairBudget = 1_500_000;
/** A group's representative is chosen among this many members, by similarity to this many others. */
const representativeCandidates = 40;
const representativeSample = 200;

/** Candidate pairs of a block, as [a, b, how many of the two give a number]. */
function candidatePairs(block: readonly number[], places: readonly (Place | null)[], receivedAt: (index: number) => number): [number, number, number][] {
  const numbered = (index: number) => ((places[index]?.number.length ?? 0) > 0 ? 1 : 0);
  const pairs: [number, number, number][] = [];
  if (block.length <= allPairsBlock) {
    for (let i = 0; i < block.length; i++) for (let j = i + 1; j < block.length; j++) pairs.push([block[i], block[j], numbered(block[i]) + numbered(block[j])]);
    return pairs;
  }
  const sorted = [...block].sort((left, right) => {
    const [a, b] = [places[left]?.number.join('-') ?? '', places[right]?.number.join('-') ?? ''];
    return a < b ? -1 : a > b ? 1 : receivedAt(left) - receivedAt(right);
  });
  const window = Math.max(8, Math.floor(pairBudget / sorted.length));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < Math.min(sorted.length, i + 1 + window); j++) pairs.push([sorted[i], sorted[j], numbered(sorted[i]) + numbered(sorted[j])]);
  }
  return pairs;
}

/** Finds the repeat problems among the orders of one period. */
export function findRepeatProblems(orders: readonly OrderRecord[], options: FindRepeatProblemsOptions): RepeatGroup[] {
  const places = orders.map((order) => options.placeOf(order));
  const categories = orders.map((order) => options.categoryOf(order));
  const components = new Components(
    orders.length,
    places.map((place) => place?.number ?? []),
  );
  const manualGroups = options.manualGroups ?? [];
  if (manualGroups.length > 0 || orders.some((order) => order.repeatOf)) {
    const indexById = new Map(orders.map((order, index) => [order.orderId, index]));
    for (const [index, order] of orders.entries()) {
      const target = order.repeatOf ? indexById.get(order.repeatOf) : undefined;
      if (target !== undefined) components.union(target, index);
    }
    for (const group of manualGroups) {
      const members = group.map((id) => indexById.get(id)).filter((index): index is number => index !== undefined);
      for (const member of members.slice(1)) components.union(members[0], member);
    }
  }

  // Blocks by unit, then place, then category: maps of the strings themselves (a key built per order
  // would be a new string to hash 50,000 times).
  const blocks = new Map<string, Map<string, Map<string, number[]>>>();
  const blockList: number[][] = [];
  places.forEach((place, index) => {
    if (!place) return;
    const unitKey = options.unitKeyOf(orders[index]);
    let byPlace = blocks.get(unitKey);
    if (byPlace === undefined) {
      byPlace = new Map();
      blocks.set(unitKey, byPlace);
    }
    let byCategory = byPlace.get(place.name);
    if (byCategory === undefined) {
      byCategory = new Map();
      byPlace.set(place.name, byCategory);
    }
    const block = byCategory.get(categories[index]);
    if (block) block.push(index);
    else {
      const fresh = [index];
      byCategory.set(categories[index], fresh);
      blockList.push(fresh);
    }
  });
  const grams: (Set<number> | undefined)[] = [];
  const gramsOf = (index: number) => {
    let set = grams[index];
    if (!set) {
      const place = places[index];
      set = bigramsOf(orders[index].content, place ? [place.name] : []);
      grams[index] = set;
    }
    return set;
  };
  for (const block of blockList) {
    if (block.length < 2) continue;
    // Pairs with numbers first, so that number-less orders join only groups they cannot split.
    const pairs = candidatePairs(block, places, (index) => orders[index].receivedAt);
    pairs.sort((left, right) => right[2] - left[2]);
    for (const [a, b, numbered] of pairs) {
      if (components.find(a) === components.find(b) || !components.compatible(a, b)) continue;
      const needed = numbered === 2 ? similarityWithNumbers : numbered === 1 ? similarityOneNumberMissing : similarityNoNumbers;
      if (diceSimilarity(gramsOf(a), gramsOf(b)) >= needed) components.union(a, b);
    }
  }

  const groups = new Map<number, number[]>();
  orders.forEach((_, index) => {
    const root = components.find(index);
    const members = groups.get(root);
    if (members) members.push(index);
    else groups.set(root, [index]);
  });
  const result: RepeatGroup[] = [];
  for (const members of groups.values()) {
    if (members.length < options.threshold) continue;
    const groupOrders = members.map((index) => orders[index]).sort((left, right) => left.receivedAt - right.receivedAt || left.row - right.row);
    const leafCounts = new Map<string, number>();
    for (const order of groupOrders) leafCounts.set(order.categoryLeaf, (leafCounts.get(order.categoryLeaf) ?? 0) + 1);
    const subCategory = [...leafCounts].sort((left, right) => right[1] - left[1])[0]?.[0] ?? '';
    const categoryCounts = new Map<string, number>();
    for (const index of members) categoryCounts.set(categories[index], (categoryCounts.get(categories[index]) ?? 0) + 1);
    const category = [...categoryCounts].sort((left, right) => right[1] - left[1])[0][0];
    let representative = members[0];
    let bestScore = -1;
    const sample = members.length <= representativeSample ? members : members.filter((_, position) => position % Math.ceil(members.length / representativeSample) === 0);
    for (const index of members.slice(0, representativeCandidates)) {
      const score = sample.reduce((sum, other) => sum + (other === index ? 0 : diceSimilarity(gramsOf(index), gramsOf(other))), 0);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        representative = index;
      }
    }
    const place = members.map((index) => places[index]?.name).find((name) => name) ?? '';
    result.push({ orders: groupOrders, category, subCategory, place, representative: orders[representative] });
  }
  return result;
}
