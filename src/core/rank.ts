/** An item to rank: a key (institution id) and its score; higher scores rank first. */
export interface Rankable {
  readonly key: string;
  readonly score: number;
}

/** Orders by score descending, then key ascending, so ties are listed by id. */
export function compareRankables(a: Rankable, b: Rankable): number {
  return b.score - a.score || compareKeys(a.key, b.key);
}

/** Keys (institution ids) in JavaScript's string order. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Standard competition ranking (1-2-2-4) of items given by index, without an object per item (a million
 * institutions rank in typed arrays): `order` lists the indices by score descending, tied scores in the order
 * given (see RankedOrder for putting them in key order); `ranks[k]` is the rank of `order[k]`. Tied scores share
 * the best rank, the next rank skips. `decimals`, when the scores are rounded to that many decimals, lets them
 * be sorted as integers (see gridOrder).
 */
export function rankIndices(indices: Uint32Array, score: (index: number) => number, decimals?: number): Ranked {
  const onGrid = decimals === undefined ? undefined : gridOrder(indices, score, decimals);
  if (onGrid !== undefined) return onGrid;
  const order = Uint32Array.from(indices).sort((a, b) => score(b) - score(a));
  return { order, ranks: ranksAlong(order.length, (k) => score(order[k]!) === score(order[k - 1]!)) };
}

/** Indices in ranked order, and the rank at each position. */
interface Ranked {
  readonly order: Uint32Array;
  readonly ranks: Uint32Array;
}

/** Competition ranks along an order, from whether each position (after the first) ties with the one before. */
function ranksAlong(count: number, tiedWithPrevious: (k: number) => boolean): Uint32Array {
  const ranks = new Uint32Array(count);
  for (let k = 0; k < count; k += 1) ranks[k] = k > 0 && tiedWithPrevious(k) ? ranks[k - 1]! : k + 1;
  return ranks;
}

/**
 * Indices by score descending, equal scores in the order given, without a comparator: scores that are whole
 * multiples of 10^-decimals (rounded totals) become integers, counted per value when they span few values, else
 * packed with their position into one number each and sorted natively. Undefined when the scores cannot be
 * sorted so (a score off the grid, too many distinct values to pack below 2^53): a (stable) comparator sort then
 * gives the same order.
 */
function gridOrder(indices: Uint32Array, score: (index: number) => number, decimals: number): Ranked | undefined {
  const n = indices.length;
  const scaled = gridScores(indices, score, decimals);
  if (scaled === undefined || n === 0) return undefined;
  let top = -Infinity;
  let bottom = Infinity;
  for (const value of scaled) {
    if (value > top) top = value;
    if (value < bottom) bottom = value;
  }
  const span = top - bottom + 1;
  if (span <= Math.max(COUNTING_SPAN, 4 * n)) return countingOrder(indices, scaled, top, span);
  if (!Number.isSafeInteger(span * n)) return undefined;
  // packed in place: the scaled scores are not needed again
  const packed = scaled;
  for (let k = 0; k < n; k += 1) packed[k] = (top - scaled[k]!) * n + k;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k += 1) order[k] = indices[packed[k]! % n]!;
  // a packed number less its position is its score's place below the top, times n: equal for equal scores
  const scorePart = (k: number) => packed[k]! - (packed[k]! % n);
  return { order, ranks: ranksAlong(n, (k) => scorePart(k) === scorePart(k - 1)) };
}

/** Scores that span at most this many grid values (or four per index) are sorted by counting. */
const COUNTING_SPAN = 1 << 16;

/**
 * The indices by scaled score descending, equal scores in the order given, by counting how many fall on each grid
 * value (`top` the highest, `span` values in all): two passes, where sorting a million packed numbers took 0.15 s.
 * The ranks come from the counts too: those on a value all rank one below those on the values above.
 */
function countingOrder(indices: Uint32Array, scaled: Float64Array, top: number, span: number): Ranked {
  // firsts[b + 1] counts the scores `b` steps below the top; summed up, firsts[b] is where those go (firsts[span]: all)
  const firsts = new Uint32Array(span + 1);
  for (const value of scaled) firsts[top - value + 1] = firsts[top - value + 1]! + 1;
  for (let b = 1; b <= span; b += 1) firsts[b] = firsts[b]! + firsts[b - 1]!;
  const next = firsts.slice();
  const order = new Uint32Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) {
    const b = top - scaled[k]!;
    order[next[b]!] = indices[k]!;
    next[b] = next[b]! + 1;
  }
  const ranks = new Uint32Array(indices.length);
  for (let b = 0; b < span; b += 1) ranks.fill(firsts[b]! + 1, firsts[b]!, firsts[b + 1]!);
  return { order, ranks };
}

/** Each score times 10^decimals as an integer, or undefined when a score is not on that grid (or not finite). */
function gridScores(indices: Uint32Array, score: (index: number) => number, decimals: number): Float64Array | undefined {
  const factor = Number(`1e${decimals}`);
  const scaled = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) {
    const value = score(indices[k]!);
    const whole = Math.round(value * factor);
    // exactly the double a rounded total is: then equal scores share an integer and the order is kept
    if (!Number.isSafeInteger(whole) || whole / factor !== value) return undefined;
    scaled[k] = whole;
  }
  return scaled;
}

/** Standard competition ranking (1-2-2-4): tied scores share the best rank, the next rank skips. */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const indices = Uint32Array.from(items.keys());
  const { order, ranks } = rankIndices(indices, (i) => items[i]!.score);
  const result = new Map<string, number>();
  order.forEach((index, k) => result.set(items[index]!.key, ranks[k]!));
  return result;
}

/** How keys (institution ids, by index) order: in full, and by a number that orders them as far as it goes (TextColumn). */
export interface KeyOrder {
  compare(a: number, b: number): number;
  /** a number per key, smaller only for a key that sorts before (keys with equal numbers are compared in full) */
  prefix(index: number): number;
}

/**
 * Indices in ranked order (score descending, then key ascending), read by position: `order` comes sorted by score
 * only (rankIndices), and each run of equal scores is put in key order when a position in it is first read. The
 * ids of a run are then compared just before its lines are written, while they are in the cache, and the two
 * halves of a large ranking are ordered by the two threads that write them (see `from`). Runs lie before
 * `ordered`; the positions from there on (the withheld, already in key order) are read as they are.
 */
export class RankedOrder {
  /** per position: whether its run is in key order */
  private readonly done: Uint8Array;

  /** `first`: the first position read (those before it are not this order's to read) */
  constructor(
    private readonly order: Uint32Array,
    private readonly ordered: number,
    private readonly score: (index: number) => number,
    private readonly keys: KeyOrder,
    private readonly first = 0,
  ) {
    this.done = new Uint8Array(order.length);
    this.done.fill(1, ordered);
  }

  get length(): number {
    return this.order.length;
  }

  /** The index at a position. */
  at(position: number): number {
    if (this.done[position] === 0) this.sortRun(position);
    return this.order[position]!;
  }

  /** Every index, in order. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let position = this.first; position < this.order.length; position += 1) yield this.at(position);
  }

  /** The first position of the run of equal scores that holds `position` (a run is ordered as a whole). */
  runStart(position: number): number {
    if (position >= this.ordered) return position;
    let start = position;
    while (start > this.first && this.tied(start - 1, position)) start -= 1;
    return start;
  }

  /**
   * The order from position `from` on (a run's start), read from a copy of the indices there: its runs are ordered
   * in the copy, so that the array this one reads (shared with another thread, which orders the positions before
   * `from`) is only read, and only once.
   */
  from(from: number): RankedOrder {
    const copy = new Uint32Array(this.order.length);
    copy.set(this.order.subarray(from), from);
    return new RankedOrder(copy, this.ordered, this.score, this.keys, from);
  }

  private tied(a: number, b: number): boolean {
    return this.score(this.order[a]!) === this.score(this.order[b]!);
  }

  private sortRun(position: number): void {
    const start = this.runStart(position);
    let end = position + 1;
    while (end < this.ordered && this.tied(end, position)) end += 1;
    if (end - start > 1) this.sortByKey(this.order.subarray(start, end));
    this.done.fill(1, start, end);
  }

  /**
   * Puts a run's indices in key order, equal keys as they were (a stable sort): by their prefixes, each read once,
   * and in full only where those are equal (comparing ids in full each time took most of the time).
   */
  private sortByKey(run: Uint32Array): void {
    const indices = run.slice();
    const prefixes = new Float64Array(run.length);
    for (let k = 0; k < run.length; k += 1) prefixes[k] = this.keys.prefix(indices[k]!);
    const places = new Uint32Array(run.length);
    for (let k = 0; k < run.length; k += 1) places[k] = k;
    places.sort((a, b) => prefixes[a]! - prefixes[b]! || this.keys.compare(indices[a]!, indices[b]!));
    for (let k = 0; k < run.length; k += 1) run[k] = indices[places[k]!]!;
  }
}
