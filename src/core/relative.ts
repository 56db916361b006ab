/** Peer-group statistics for relative scoring methods (percentile and z-score). */
export interface PeerStats {
  /** the group's label (its field value), or null for the whole population */
  readonly group: string | null;
  /** the group's values, ascending */
  readonly sorted: Float64Array;
  readonly mean: number;
  /** population standard deviation */
  readonly sd: number;
}

/** Builds the statistics of a group of values. */
export function peerStats(group: string | null, values: readonly number[]): PeerStats {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const mean = n === 0 ? 0 : sorted.reduce((s, v) => s + v, 0) / n;
  const variance = n === 0 ? 0 : sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return { group, sorted, mean, sd: Math.sqrt(variance) };
}

/** Index of the first element ≥ value (or > value when `strict`) in an ascending array. */
function bound(sorted: Float64Array, value: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value || (strict && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Mid-rank percentile of a value among its peers (the value itself included in the group):
 * 100 × (peers strictly worse + ½ × other peers tied) / (n − 1). A group of one gives 50.
 */
export function percentileOf(stats: PeerStats, value: number, direction: 'higher' | 'lower'): number {
  const n = stats.sorted.length;
  if (n <= 1) return 50;
  const below = bound(stats.sorted, value, false);
  const upTo = bound(stats.sorted, value, true);
  const tiedOthers = Math.max(upTo - below - 1, 0);
  const worse = direction === 'higher' ? below : n - upTo;
  return (100 * (worse + tiedOthers / 2)) / (n - 1);
}

/** z-score of a value, sign flipped for lower-is-better; 0 when the group has no spread. */
export function zScoreOf(stats: PeerStats, value: number, direction: 'higher' | 'lower'): number {
  if (stats.sd === 0) return 0;
  const z = (value - stats.mean) / stats.sd;
  return direction === 'higher' ? z : -z;
}
