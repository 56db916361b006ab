/** An item to rank: a key (institution id) and its score; higher scores rank first. */
export interface Rankable {
  readonly key: string;
  readonly score: number;
}

/** Orders by score descending, then key ascending, so ties are listed by id. */
export function compareRankables(a: Rankable, b: Rankable): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Standard competition ranking (1-2-2-4) of items given by index, without an object per item (a million
 * institutions rank in typed arrays): `order` lists the indices by score descending, then key ascending;
 * `ranks[k]` is the rank of `order[k]`. Tied scores share the best rank, the next rank skips.
 */
export function rankIndices(
  indices: Uint32Array,
  score: (index: number) => number,
  key: (index: number) => string,
): { order: Uint32Array; ranks: Uint32Array } {
  const order = Uint32Array.from(indices).sort((a, b) => {
    const byScore = score(b) - score(a);
    if (byScore !== 0) return byScore;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const ranks = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k += 1) {
    ranks[k] = k > 0 && score(order[k]!) === score(order[k - 1]!) ? ranks[k - 1]! : k + 1;
  }
  return { order, ranks };
}

/** Standard competition ranking (1-2-2-4): tied scores share the best rank, the next rank skips. */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const indices = Uint32Array.from(items.keys());
  const { order, ranks } = rankIndices(indices, (i) => items[i]!.score, (i) => items[i]!.key);
  const result = new Map<string, number>();
  order.forEach((index, k) => result.set(items[index]!.key, ranks[k]!));
  return result;
}
