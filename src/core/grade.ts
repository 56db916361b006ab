import type { ResolvedBand } from '../rubric/grade-bands.js';
import type { Grading } from '../rubric/schema.js';
import { roundHalfUp } from './rounding.js';
import { compareRankables, type Rankable } from './rank.js';

type Quotas = Extract<Grading, { kind: 'quotas' }>;

/** The band a total falls in: min inclusive, max exclusive, the top band inclusive of its max (the rubric's total). */
export function bandGrade(bands: readonly ResolvedBand[], total: number): string | null {
  // a loop, not find(): a million totals are graded at once
  for (let i = 0; i < bands.length; i += 1) {
    const band = bands[i]!;
    if (total >= band.min && (total < band.max || (i === 0 && total <= band.max))) return band.grade;
  }
  return null;
}

/** How many of N get each grade: round half up of N × share, best grade first; the last grade takes the rest. */
export function quotaCounts(n: number, shares: readonly number[]): number[] {
  let left = n;
  return shares.map((share, i) => {
    const count = i === shares.length - 1 ? left : Math.min(left, roundHalfUp((n * share) / 100, 0));
    left -= count;
    return count;
  });
}

/** Grades one ordered group by quota; a tie with the institution above a boundary shares its (better) grade. */
function gradeByQuota(items: readonly Rankable[], grades: readonly string[], shares: readonly number[]): Map<string, string> {
  const sorted = [...items].sort(compareRankables);
  const counts = quotaCounts(sorted.length, shares);
  const result = new Map<string, string>();
  let gradeIndex = 0;
  let usedInGrade = 0;
  sorted.forEach((item, i) => {
    while (gradeIndex < counts.length - 1 && usedInGrade >= counts[gradeIndex]!) {
      gradeIndex += 1;
      usedInGrade = 0;
    }
    const previous = sorted[i - 1];
    const grade = previous && previous.score === item.score ? result.get(previous.key)! : grades[gradeIndex]!;
    result.set(item.key, grade);
    usedInGrade += 1;
  });
  return result;
}

/**
 * Relative grading: quotas within each peer group; members of a group smaller than `minGroupSize`
 * get the grade of their place in the whole population.
 */
export function quotaGrades(
  items: readonly (Rankable & { readonly group: string | null })[],
  quotas: Quotas,
): Map<string, string> {
  const grades = quotas.quotas.map((q) => q.grade);
  const shares = quotas.quotas.map((q) => q.share);
  const population = gradeByQuota(items, grades, shares);
  if (quotas.within === undefined) return population;
  const groups = new Map<string | null, Rankable[]>();
  for (const item of items) {
    const members = groups.get(item.group);
    if (members) members.push(item);
    else groups.set(item.group, [item]);
  }
  const result = new Map<string, string>();
  for (const members of groups.values()) {
    const graded = members.length >= quotas.minGroupSize ? gradeByQuota(members, grades, shares) : population;
    for (const member of members) result.set(member.key, graded.get(member.key)!);
  }
  return result;
}

/** The worse of two grades in best-first order. */
export function worseGrade(grades: readonly string[], a: string, b: string): string {
  return grades.indexOf(a) >= grades.indexOf(b) ? a : b;
}
