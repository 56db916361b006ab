import type { InstitutionResult } from './results.js';

/** Median of numbers (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Counts of percentages (0–100) in `bins` equal-width bins, lower bound inclusive; 100 falls in the last bin. */
export function histogram(percents: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const p of percents) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((p / 100) * bins)));
    counts[bin]! += 1;
  }
  return counts;
}

/** A peer group's median points in one domain and how many institutions it was taken over. */
export interface PeerMedian {
  readonly median: number | null;
  readonly n: number;
}

/** An institution's peer group: how many institutions it has and each domain's median among them. */
export interface PeerGroup {
  readonly size: number;
  readonly medians: ReadonlyMap<string, PeerMedian>;
}

/**
 * Each domain's median points among an institution's peers: the institutions sharing its value of the group
 * field (all institutions when `field` is null), counting those with points in that domain.
 */
export function peerMedians(results: readonly InstitutionResult[], field: string | null): (result: InstitutionResult) => PeerGroup {
  const groupOf = (r: InstitutionResult) => (field === null ? null : (r.groups[field] ?? null));
  const members = new Map<string | null, InstitutionResult[]>();
  for (const r of results) {
    const list = members.get(groupOf(r));
    if (list) list.push(r);
    else members.set(groupOf(r), [r]);
  }
  const byGroup = new Map<string | null, PeerGroup>();
  for (const [group, list] of members) {
    const domainIds = list[0]?.domains.map((d) => d.id) ?? [];
    const medians = new Map(
      domainIds.map((id) => {
        const points = list.flatMap((r) => r.domains.filter((d) => d.id === id && d.points !== null).map((d) => d.points!));
        return [id, { median: median(points), n: points.length }];
      }),
    );
    byGroup.set(group, { size: list.length, medians });
  }
  return (result) => byGroup.get(groupOf(result)) ?? { size: 0, medians: new Map() };
}
