import type { Label, Rubric } from './schema.js';

/** An absolute grade band with both bounds resolved: min inclusive, max exclusive (inclusive on the top band). */
export interface ResolvedBand {
  readonly grade: string;
  readonly label: Label | undefined;
  readonly min: number;
  readonly max: number;
}

/**
 * The grade bands of a checked rubric, best first, with omitted bounds filled as the load-time checks read them:
 * a missing max is the band above's min (the total on the top band), a missing min is 0 on the lowest band.
 * Empty for quota grading.
 */
export function resolvedGradeBands(rubric: Rubric): ResolvedBand[] {
  const grading = rubric.grading;
  if (grading.kind !== 'bands') return [];
  const bands = grading.bands;
  return bands.map((band, i) => ({
    grade: band.grade,
    label: band.label,
    min: band.min ?? 0,
    max: band.max ?? (i === 0 ? rubric.total.points : (bands[i - 1]!.min ?? rubric.total.points)),
  }));
}
