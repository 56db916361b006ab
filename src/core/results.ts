import { z } from 'zod';

/** Output shapes of the grading engine, as zod schemas: the JSON document and every reporter use these types. */

export const MessageSchema = z.object({
  code: z.string(),
  args: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const LabelOutSchema = z.object({ ko: z.string(), en: z.string().optional() });

export const IndicatorFindingSchema = z.object({
  id: z.string(),
  domain: z.string(),
  method: z.string(),
  direction: z.enum(['higher', 'lower']),
  /** the indicator's value (field or formula), dates as YYYY-MM-DD; null when missing */
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  /** scored: rated from data; zero: missing, scored 0 by policy; excluded: missing, left out and renormalised;
   *  failed: missing with policy fail, so no grade */
  status: z.enum(['scored', 'zero', 'excluded', 'failed']),
  /** 0–100 */
  rating: z.number().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  reason: MessageSchema,
});

export const DomainResultSchema = z.object({
  id: z.string(),
  /** earned points after renormalisation within the domain; null when no indicator had data */
  points: z.number().nullable(),
  maxPoints: z.number(),
  /** the limiter that set this domain's points, if any */
  setBy: z.string().nullable(),
});

export const AppliedLimiterSchema = z.object({
  id: z.string(),
  label: LabelOutSchema,
  effect: z.enum(['capGrade', 'setDomain', 'withhold']),
  detail: MessageSchema,
});

export const GroupRankSchema = z.object({
  field: z.string(),
  group: z.string().nullable(),
  rank: z.number().int().nullable(),
  of: z.number().int(),
});

export const InstitutionResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** peer-group field values, by field id */
  groups: z.record(z.string(), z.string().nullable()),
  source: z.object({ file: z.string(), sheet: z.string().optional(), row: z.number().int(), line: z.number().int() }),
  indicators: z.array(IndicatorFindingSchema),
  domains: z.array(DomainResultSchema),
  /** rounded half-up to the rubric's precision; null when nothing could be scored */
  total: z.number().nullable(),
  /** percent of the rubric's points that had data */
  coverage: z.number(),
  /** the grade the total earned before limiters */
  earnedGrade: z.string().nullable(),
  /** the final grade; null when withheld */
  grade: z.string().nullable(),
  status: z.enum(['graded', 'withheld']),
  withheld: z.array(MessageSchema),
  limiters: z.array(AppliedLimiterSchema),
  followUp: z.array(LabelOutSchema),
  /** standard competition rank (1-2-2-4) among graded institutions; null when withheld */
  rank: z.number().int().nullable(),
  groupRanks: z.array(GroupRankSchema),
});

export type Message = z.infer<typeof MessageSchema>;
export type IndicatorFinding = z.infer<typeof IndicatorFindingSchema>;
export type DomainResult = z.infer<typeof DomainResultSchema>;
export type AppliedLimiter = z.infer<typeof AppliedLimiterSchema>;
export type GroupRank = z.infer<typeof GroupRankSchema>;
export type InstitutionResult = z.infer<typeof InstitutionResultSchema>;
