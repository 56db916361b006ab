import { z } from 'zod';
import type { GradeOutcome } from '../core/engine.js';
import type { InputFile } from '../core/records.js';
import { InstitutionResultSchema } from '../core/results.js';
import { formatDate, type PlainDate } from '../core/values.js';
import type { CompiledRubric } from '../rubric/model.js';

/** Version of the grade JSON document; bump on any incompatible change. */
export const GRADE_SCHEMA_VERSION = 1;

/** The versioned document `sseval grade --format json` writes and `sseval compare` reads. */
export const GradeDocumentSchema = z.object({
  schemaVersion: z.literal(GRADE_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('sseval'), version: z.string() }),
  rubric: z.object({
    id: z.string(),
    version: z.string(),
    sha256: z.string(),
    title: z.object({ ko: z.string(), en: z.string().optional() }),
    total: z.number(),
    grades: z.array(z.string()),
    domains: z.array(z.object({ id: z.string(), label: z.object({ ko: z.string(), en: z.string().optional() }), points: z.number() })),
  }),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  asOf: z.string(),
  groupBy: z.array(z.string()),
  summary: z.object({
    institutions: z.number().int(),
    graded: z.number().int(),
    withheld: z.number().int(),
    skipped: z.array(z.string()),
    byGrade: z.record(z.string(), z.number().int()),
  }),
  results: z.array(InstitutionResultSchema),
});

export type GradeDocument = z.infer<typeof GradeDocumentSchema>;

/** Assembles the grade document; `skipped` lists institutions left out for invalid data (--skip-invalid). */
export function gradeDocument(
  rubric: CompiledRubric,
  outcome: GradeOutcome,
  context: { toolVersion: string; inputs: readonly InputFile[]; asOf: PlainDate; groupBy: readonly string[]; skipped: readonly string[] },
): GradeDocument {
  const r = rubric.rubric;
  const byGrade = Object.fromEntries(rubric.grades.map((g) => [g, outcome.results.filter((x) => x.grade === g).length]));
  return {
    schemaVersion: GRADE_SCHEMA_VERSION,
    tool: { name: 'sseval', version: context.toolVersion },
    rubric: {
      id: r.id,
      version: r.version,
      sha256: rubric.source.sha256,
      title: r.title,
      total: r.total.points,
      grades: [...rubric.grades],
      domains: r.domains.map((d) => ({ id: d.id, label: d.label, points: d.points })),
    },
    inputs: context.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    asOf: formatDate(context.asOf),
    groupBy: [...context.groupBy],
    summary: {
      institutions: outcome.results.length,
      graded: outcome.results.filter((x) => x.status === 'graded').length,
      withheld: outcome.results.filter((x) => x.status === 'withheld').length,
      skipped: [...context.skipped],
      byGrade,
    },
    results: outcome.results,
  };
}
