import { z } from 'zod';
import { LabelOutSchema, type InstitutionResult, type Message } from './results.js';
import { roundHalfUp } from './rounding.js';

/** How an institution's grade moved between two cycles; `ungraded` when either cycle gave it no grade. */
export const MovementSchema = z.enum(['up', 'down', 'same', 'new', 'gone', 'ungraded']);

const CycleStandingSchema = z.object({
  name: z.string(),
  grade: z.string().nullable(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  status: z.enum(['graded', 'withheld']),
});

export const DomainDeltaSchema = z.object({
  id: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  delta: z.number().nullable(),
});

export const ComparedInstitutionSchema = z.object({
  id: z.string(),
  /** the name in the later cycle, else the earlier */
  name: z.string(),
  movement: MovementSchema,
  before: CycleStandingSchema.nullable(),
  after: CycleStandingSchema.nullable(),
  /** after − before; null unless both totals exist */
  totalDelta: z.number().nullable(),
  /** places climbed (before rank − after rank); null unless ranked in both */
  rankDelta: z.number().int().nullable(),
  domains: z.array(DomainDeltaSchema),
});

export const ComparisonSchema = z.object({
  /** grades best first: the later rubric's, then any only the earlier one has */
  grades: z.array(z.string()),
  domains: z.array(z.object({ id: z.string(), label: LabelOutSchema })),
  institutions: z.array(ComparedInstitutionSchema),
  counts: z.record(MovementSchema, z.number().int()),
  /** institutions in both cycles with both totals: the population improvers and decliners are drawn from */
  eligible: z.number().int(),
  /** how many improvers and decliners were asked for (before ties at the boundary) */
  top: z.number().int(),
  /** the improvement award's share in percent when it set `top`; null when `top` was given */
  awardShare: z.number().nullable(),
  /** ids, largest total improvement first; ties at the boundary are all included */
  improvers: z.array(z.string()),
  /** ids, largest total decline first */
  decliners: z.array(z.string()),
});

export type Movement = z.infer<typeof MovementSchema>;
export type DomainDelta = z.infer<typeof DomainDeltaSchema>;
export type ComparedInstitution = z.infer<typeof ComparedInstitutionSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;

/** One graded cycle as compare needs it: the rubric's identity, grade order and domains, and the results. */
export interface Cycle {
  readonly rubric: {
    readonly id: string;
    readonly version: string;
    readonly sha256: string;
    readonly grades: readonly string[];
    readonly domains: readonly { readonly id: string; readonly label: { readonly ko: string; readonly en?: string | undefined } }[];
  };
  readonly results: readonly InstitutionResult[];
}

/** The share of institutions the facility evaluation rewards for improvement over the last cycle, in percent. */
export const IMPROVEMENT_AWARD_SHARE = 3;

/** Differences are rounded here so 82.4 − 79.1 reads 3.3, not 3.300000000000004. */
const DELTA_DECIMALS = 6;

const delta = (before: number | null, after: number | null) =>
  before === null || after === null ? null : roundHalfUp(after - before, DELTA_DECIMALS);

/** How many improvers the award names among `eligible` institutions: 3 %, rounded half up, at least 1. */
export function improvementAwardCount(eligible: number): number {
  return eligible === 0 ? 0 : Math.max(1, roundHalfUp((eligible * IMPROVEMENT_AWARD_SHARE) / 100, 0));
}

/**
 * Compares two cycles institution by institution (matched by id): grade movement by the later rubric's grade
 * order (the earlier one's when the grades are not both in it), total, rank and domain deltas, and the largest
 * improvers and decliners — `top` of each (default: the improvement award's 3 %), with ties at the boundary.
 * Improvers must be graded in the later cycle; only rises count as improvement and only falls as decline.
 */
export function compareCycles(before: Cycle, after: Cycle, top?: number): Comparison {
  const domains = [...after.rubric.domains, ...before.rubric.domains.filter((d) => !after.rubric.domains.some((a) => a.id === d.id))].map(
    (d) => ({ id: d.id, label: d.label }),
  );
  const grades = [...after.rubric.grades, ...before.rubric.grades.filter((g) => !after.rubric.grades.includes(g))];
  const beforeById = new Map(before.results.map((r) => [r.id, r]));
  const afterIds = new Set(after.results.map((r) => r.id));
  const pairs: [InstitutionResult | undefined, InstitutionResult | undefined][] = [
    ...after.results.map((r): [InstitutionResult | undefined, InstitutionResult] => [beforeById.get(r.id), r]),
    ...before.results.filter((r) => !afterIds.has(r.id)).map((r): [InstitutionResult, undefined] => [r, undefined]),
  ];
  const institutions = pairs.map(([b, a]) => compareInstitution(b, a, domains, before.rubric.grades, after.rubric.grades));
  const counts = Object.fromEntries(MovementSchema.options.map((m) => [m, institutions.filter((i) => i.movement === m).length])) as Record<
    Movement,
    number
  >;
  const withDelta = institutions.filter((i) => i.totalDelta !== null);
  const wanted = top ?? improvementAwardCount(withDelta.length);
  const improvers = leaders(
    withDelta.filter((i) => i.totalDelta! > 0 && i.after?.status === 'graded'),
    (i) => i.totalDelta!,
    wanted,
  );
  const decliners = leaders(
    withDelta.filter((i) => i.totalDelta! < 0),
    (i) => -i.totalDelta!,
    wanted,
  );
  const awardShare = top === undefined ? IMPROVEMENT_AWARD_SHARE : null;
  return { grades, domains, institutions, counts, eligible: withDelta.length, top: wanted, awardShare, improvers, decliners };
}

/** The `count` largest by `size`, plus any tied with the last one taken; ties listed by id. */
function leaders(items: readonly ComparedInstitution[], size: (i: ComparedInstitution) => number, count: number): string[] {
  const sorted = [...items].sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cut = sorted[count - 1];
  if (cut === undefined) return sorted.map((i) => i.id);
  return sorted.filter((i, n) => n < count || size(i) === size(cut)).map((i) => i.id);
}

function compareInstitution(
  before: InstitutionResult | undefined,
  after: InstitutionResult | undefined,
  domains: readonly { id: string }[],
  beforeGrades: readonly string[],
  afterGrades: readonly string[],
): ComparedInstitution {
  const standing = (r: InstitutionResult | undefined) =>
    r === undefined ? null : { name: r.name, grade: r.grade, total: r.total, rank: r.rank, status: r.status };
  const domainPoints = (r: InstitutionResult | undefined, id: string) => r?.domains.find((d) => d.id === id)?.points ?? null;
  return {
    id: (after ?? before)!.id,
    name: (after ?? before)!.name,
    movement: movementOf(before?.grade, after?.grade, beforeGrades, afterGrades),
    before: standing(before),
    after: standing(after),
    totalDelta: delta(before?.total ?? null, after?.total ?? null),
    rankDelta: before?.rank == null || after?.rank == null ? null : before.rank - after.rank,
    domains: domains.map((d) => {
      const b = domainPoints(before, d.id);
      const a = domainPoints(after, d.id);
      return { id: d.id, before: b, after: a, delta: delta(b, a) };
    }),
  };
}

/** Grade movement; `undefined` means absent from that cycle, `null` present without a grade. */
function movementOf(
  before: string | null | undefined,
  after: string | null | undefined,
  beforeGrades: readonly string[],
  afterGrades: readonly string[],
): Movement {
  if (before === undefined) return 'new';
  if (after === undefined) return 'gone';
  if (before === null || after === null) return 'ungraded';
  const order = [afterGrades, beforeGrades].find((grades) => grades.includes(before) && grades.includes(after));
  if (order === undefined) return 'ungraded';
  const change = order.indexOf(before) - order.indexOf(after);
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/**
 * Warnings when the two cycles were graded by different rubrics: another id or version, the same version with
 * different content, or a different grade scale — totals and grades may then not be comparable.
 */
export function rubricWarnings(before: Cycle['rubric'], after: Cycle['rubric']): Message[] {
  const warnings: Message[] = [];
  const name = (r: Cycle['rubric']) => `${r.id}@${r.version}`;
  if (name(before) !== name(after)) {
    warnings.push({ code: 'COMPARE_RUBRIC_DIFFERS', args: { before: name(before), after: name(after) } });
  } else if (before.sha256 !== after.sha256) {
    warnings.push({
      code: 'COMPARE_RUBRIC_CHANGED',
      args: { rubric: name(after), before: before.sha256.slice(0, 12), after: after.sha256.slice(0, 12) },
    });
  }
  if (before.grades.join('\u0000') !== after.grades.join('\u0000')) {
    warnings.push({ code: 'COMPARE_GRADES_DIFFER', args: { before: before.grades.join(', '), after: after.grades.join(', ') } });
  }
  return warnings;
}
