/** An item to rank: a key (institution id) and its score; higher scores rank first. */
export interface Rankable {
  readonly key: string;
  readonly score: number;
}

/** Orders by score descending, then key ascending, so ties are listed by id. */
export function compareRankables(a: Rankable, b: Rankable): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Standard competition ranking (1-2-2-4): tied scores share the best rank, the next rank skips. */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const sorted = [...items].sort(compareRankables);
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1];
    ranks.set(item.key, previous && previous.score === item.score ? ranks.get(previous.key)! : i + 1);
  });
  return ranks;
}
