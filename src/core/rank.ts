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
 * institutions rank in typed arrays): `order` lists the indices by score descending, then key ascending (as
 * `byKey` orders the keys of two indices); `ranks[k]` is the rank of `order[k]`. Tied scores share the best
 * rank, the next rank skips. `decimals`, when the scores are rounded to that many decimals, lets them be sorted
 * as integers (see rankOrder).
 */
export function rankIndices(
  indices: Uint32Array,
  score: (index: number) => number,
  byKey: (a: number, b: number) => number,
  decimals?: number,
): { order: Uint32Array; ranks: Uint32Array } {
  const order = rankOrder(indices, score, byKey, decimals);
  const ranks = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k += 1) {
    ranks[k] = k > 0 && score(order[k]!) === score(order[k - 1]!) ? ranks[k - 1]! : k + 1;
  }
  return { order, ranks };
}

/**
 * Indices by score descending, then key ascending. Scores that are whole multiples of 10^-decimals (rounded
 * totals) become integers packed with their position into one number each and are sorted natively, without a
 * comparator; only runs of equal scores are then ordered by key. Anything else (no `decimals`, a score off the
 * grid, too many distinct values to pack below 2^53) is sorted with a comparator: the same order either way.
 */
function rankOrder(indices: Uint32Array, score: (index: number) => number, byKey: (a: number, b: number) => number, decimals: number | undefined): Uint32Array {
  const packed = decimals === undefined ? undefined : packedOrder(indices, score, byKey, decimals);
  return packed ?? Uint32Array.from(indices).sort((a, b) => score(b) - score(a) || byKey(a, b));
}

/** The order of rankOrder by a native sort of packed integers, or undefined when the scores cannot be packed. */
function packedOrder(indices: Uint32Array, score: (index: number) => number, byKey: (a: number, b: number) => number, decimals: number): Uint32Array | undefined {
  const n = indices.length;
  const scaled = gridScores(indices, score, decimals);
  if (scaled === undefined || n === 0) return undefined;
  let top = -Infinity;
  let bottom = Infinity;
  for (const value of scaled) {
    if (value > top) top = value;
    if (value < bottom) bottom = value;
  }
  if (!Number.isSafeInteger((top - bottom + 1) * n)) return undefined;
  // packed in place: the scaled scores are not needed again
  const packed = scaled;
  for (let k = 0; k < n; k += 1) packed[k] = (top - scaled[k]!) * n + k;
  packed.sort();
  const order = new Uint32Array(n);
  // a packed number's score part, exactly: (packed - position) is a whole multiple of n
  const scoreAt = (k: number) => (packed[k]! - (packed[k]! % n)) / n;
  for (let k = 0; k < n; k += 1) order[k] = indices[packed[k]! % n]!;
  for (let start = 0; start < n; ) {
    const run = scoreAt(start);
    let end = start + 1;
    while (end < n && scoreAt(end) === run) end += 1;
    if (end - start > 1) order.subarray(start, end).sort(byKey);
    start = end;
  }
  return order;
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
  const { order, ranks } = rankIndices(indices, (i) => items[i]!.score, (a, b) => compareKeys(items[a]!.key, items[b]!.key));
  const result = new Map<string, number>();
  order.forEach((index, k) => result.set(items[index]!.key, ranks[k]!));
  return result;
}
