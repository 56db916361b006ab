import type { GradeOutcome } from '../core/engine.js';
import type { InputFile } from '../core/records.js';
import { formatDate, type PlainDate } from '../core/values.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { GradeDocument } from './grade-document-schema.js';

export type { GradeDocument } from './grade-document-schema.js';

/** Version of the grade JSON document; bump on any incompatible change. */
export const GRADE_SCHEMA_VERSION = 1;

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
