import { z } from 'zod';
import type { CompiledRubric } from '../rubric/model.js';
import { quotaGrades } from './grade.js';
import type { InstitutionRecord } from './records.js';
import type { InstitutionResult } from './results.js';
import { roundHalfUp } from './rounding.js';
import { formatValue } from './values.js';

/** Where an institution's total stands on the grade scale, and what it takes to reach the next grade up. */
export const StandingSchema = z.object({
  grading: z.enum(['bands', 'quotas']),
  /** the grade the total earned before limiters; null without a total (or, for quotas, when not graded) */
  earnedGrade: z.string().nullable(),
  /** band grading: the band's inclusive lower and exclusive upper bound (the top band includes the maximum) */
  band: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** quota grading: the pool the quotas were applied in; group null means the whole population */
  pool: z.object({ field: z.string().nullable(), group: z.string().nullable(), size: z.number().int() }).nullable(),
  /** the next better grade: the score that reaches it and how far the total is from it */
  next: z
    .object({
      grade: z.string(),
      score: z.number(),
      distance: z.number(),
      /** quota grading: the lowest-ranked institution holding that grade in the pool */
      institution: z.string().nullable(),
    })
    .nullable(),
});

export type Standing = z.infer<typeof StandingSchema>;

/**
 * The grade band an institution landed in and the distance to the next band up. With quota grading the
 * "band" is the pool's ranking: the next grade up starts at the score of the lowest-ranked institution holding
 * it in the same pool (its peer group, or the whole population when the group is below minGroupSize).
 * `results` must be the whole graded population; `records` supply the quota group field.
 */
export function standingOf(
  rubric: CompiledRubric,
  result: InstitutionResult,
  results: readonly InstitutionResult[],
  records: readonly InstitutionRecord[],
): Standing {
  const grading = rubric.rubric.grading;
  const precision = rubric.rubric.total.precision;
  const total = result.total;
  if (grading.kind === 'bands') {
    const index = rubric.bands.findIndex((b) => b.grade === result.earnedGrade);
    if (total === null || index < 0) return { grading: 'bands', earnedGrade: null, band: null, pool: null, next: null };
    const band = rubric.bands[index]!;
    const above = rubric.bands[index - 1];
    const next = above === undefined ? null : { grade: above.grade, score: band.max, distance: roundHalfUp(band.max - total, precision), institution: null };
    return { grading: 'bands', earnedGrade: band.grade, band: { min: band.min, max: band.max }, pool: null, next };
  }

  const graded = results.filter((r) => r.status === 'graded' && r.total !== null);
  const field = grading.within ?? null;
  const groupOf = new Map(records.map((record) => [record.id, field === null ? null : formatGroup(record.values.get(field) ?? null)]));
  const group = groupOf.get(result.id) ?? null;
  const members = field === null ? graded : graded.filter((r) => (groupOf.get(r.id) ?? null) === group);
  const inGroup = field !== null && members.length >= grading.minGroupSize;
  const pool = inGroup ? members : graded;
  const poolInfo = { field: inGroup ? field : null, group: inGroup ? group : null, size: pool.length };
  if (total === null || result.earnedGrade === null) return { grading: 'quotas', earnedGrade: null, band: null, pool: poolInfo, next: null };

  const poolGrades = quotaGrades(
    pool.map((r) => ({ key: r.id, score: r.total!, group: null })),
    { ...grading, within: undefined },
  );
  const better = rubric.grades.slice(0, rubric.grades.indexOf(result.earnedGrade)).reverse();
  for (const grade of better) {
    const holders = pool.filter((r) => poolGrades.get(r.id) === grade);
    if (holders.length === 0) continue;
    const lowest = holders.reduce((low, r) => (r.total! < low.total! || (r.total === low.total && r.id > low.id) ? r : low));
    const next = { grade, score: lowest.total!, distance: roundHalfUp(lowest.total! - total, precision), institution: lowest.id };
    return { grading: 'quotas', earnedGrade: result.earnedGrade, band: null, pool: poolInfo, next };
  }
  return { grading: 'quotas', earnedGrade: result.earnedGrade, band: null, pool: poolInfo, next: null };
}

/** A group field value as the engine groups by it: its text, or null when missing. */
function formatGroup(value: Parameters<typeof formatValue>[0]): string | null {
  return value === null ? null : formatValue(value);
}
