import { z } from 'zod';
import { InstitutionResultSchema } from '../core/results.js';
import { GRADE_SCHEMA_VERSION } from './grade-document.js';

// The schema lives apart from the document's assembly (grade-document.ts), so that grading loads no zod: only
// reading a document (`sseval compare`, `explain`'s schema) and the tests need it.

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
