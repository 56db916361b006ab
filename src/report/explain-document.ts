import { z } from 'zod';
import { StandingSchema, type Standing } from '../core/explain.js';
import { InstitutionResultSchema, LabelOutSchema, type InstitutionResult } from '../core/results.js';
import { findingReason } from '../messages/explain.js';
import type { Lang } from '../messages/index.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { GradeDocument } from './grade-document.js';
import { GradeDocumentSchema } from './grade-document-schema.js';

/** Version of the explain JSON document; bump on any incompatible change. */
export const EXPLAIN_SCHEMA_VERSION = 1;

/** The document `sseval explain --format json` writes: one institution's result, with the words to read it by. */
export const ExplainDocumentSchema = z.object({
  schemaVersion: z.literal(EXPLAIN_SCHEMA_VERSION),
  tool: GradeDocumentSchema.shape.tool,
  rubric: GradeDocumentSchema.shape.rubric,
  inputs: GradeDocumentSchema.shape.inputs,
  asOf: z.string(),
  groupBy: z.array(z.string()),
  /** how many institutions were graded together (relative methods and ranks depend on them) */
  population: z.object({ institutions: z.number().int(), graded: z.number().int() }),
  lang: z.enum(['ko', 'en']),
  institution: InstitutionResultSchema,
  indicators: z.array(z.object({ id: z.string(), label: LabelOutSchema, unit: z.string().nullable(), reason: z.string() })),
  standing: StandingSchema,
});

export type ExplainDocument = z.infer<typeof ExplainDocumentSchema>;

/** Assembles the explain document from the whole grade document, the institution and its standing. */
export function explainDocument(
  doc: GradeDocument,
  rubric: CompiledRubric,
  result: InstitutionResult,
  standing: Standing,
  lang: Lang,
): ExplainDocument {
  const indicators = new Map(rubric.rubric.indicators.map((ind) => [ind.id, ind]));
  return {
    schemaVersion: EXPLAIN_SCHEMA_VERSION,
    tool: doc.tool,
    rubric: doc.rubric,
    inputs: doc.inputs,
    asOf: doc.asOf,
    groupBy: doc.groupBy,
    population: { institutions: doc.summary.institutions, graded: doc.summary.graded },
    lang,
    institution: result,
    indicators: result.indicators.map((finding) => {
      const ind = indicators.get(finding.id);
      return { id: finding.id, label: ind?.label ?? { ko: finding.id }, unit: ind?.unit ?? null, reason: findingReason(finding, lang) };
    }),
    standing,
  };
}
