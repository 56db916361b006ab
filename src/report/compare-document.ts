import { z } from 'zod';
import { ComparisonSchema, type Comparison } from '../core/compare.js';
import { MessageSchema, type Message } from '../core/results.js';
import type { GradeDocument } from './grade-document.js';

/** Version of the compare JSON document; bump on any incompatible change. */
export const COMPARE_SCHEMA_VERSION = 1;

const CycleSchema = z.object({
  /** the grade document compared, as given */
  file: z.string(),
  rubric: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
  asOf: z.string(),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
});

/** The document `sseval compare --format json` writes. */
export const CompareDocumentSchema = z.object({
  schemaVersion: z.literal(COMPARE_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('sseval'), version: z.string() }),
  before: CycleSchema,
  after: CycleSchema,
  /** e.g. the two cycles were graded with different rubric versions */
  warnings: z.array(MessageSchema),
  comparison: ComparisonSchema,
});

export type CompareDocument = z.infer<typeof CompareDocumentSchema>;

/** Assembles the compare document from the two grade documents, the comparison and its warnings. */
export function compareDocument(
  before: { file: string; doc: GradeDocument },
  after: { file: string; doc: GradeDocument },
  comparison: Comparison,
  warnings: readonly Message[],
  toolVersion: string,
): CompareDocument {
  const cycle = ({ file, doc }: { file: string; doc: GradeDocument }) => ({
    file,
    rubric: { id: doc.rubric.id, version: doc.rubric.version, sha256: doc.rubric.sha256 },
    asOf: doc.asOf,
    inputs: doc.inputs,
  });
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    tool: { name: 'sseval', version: toolVersion },
    before: cycle(before),
    after: cycle(after),
    warnings: [...warnings],
    comparison,
  };
}
