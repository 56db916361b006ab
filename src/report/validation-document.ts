import { z } from 'zod';
import type { ProblemTally } from '../core/problem-log.js';
import type { Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import { formatDate, type PlainDate } from '../core/values.js';
import type { Lang } from '../messages/catalogue.js';
import { problemMessage } from '../messages/index.js';
import type { CompiledRubric } from '../rubric/model.js';

/** Version of the validation JSON document; bump on any incompatible change. */
export const VALIDATION_SCHEMA_VERSION = 1;

const PositionSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  header: z.string().optional(),
  field: z.string().optional(),
  institution: z.string().optional(),
  path: z.string().optional(),
});

/** The versioned document `sseval validate --format json` writes. */
export const ValidationDocumentSchema = z.object({
  schemaVersion: z.literal(VALIDATION_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('sseval'), version: z.string() }),
  rubric: z.object({ id: z.string(), version: z.string(), sha256: z.string(), file: z.string() }),
  asOf: z.string(),
  inputs: z.array(
    z.object({
      path: z.string(),
      sha256: z.string(),
      format: z.enum(['csv', 'xlsx']),
      records: z.number().int(),
      encoding: z.string().optional(),
      delimiter: z.string().optional(),
      sheet: z.string().optional(),
    }),
  ),
  summary: z.object({
    /** no errors (and, with --strict, no warnings) */
    valid: z.boolean(),
    strict: z.boolean(),
    records: z.number().int(),
    invalidInstitutions: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    byCode: z.record(z.string(), z.number().int()),
    /** problems listed below; fewer than counted when the list stopped at maxErrors */
    listed: z.number().int(),
    maxErrors: z.number().int().nullable(),
    truncated: z.boolean(),
  }),
  problems: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      position: PositionSchema,
      value: z.string().optional(),
      args: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

export type ValidationDocument = z.infer<typeof ValidationDocumentSchema>;

/** What a validation report is made from. */
export interface ValidationContext {
  readonly toolVersion: string;
  readonly rubric: CompiledRubric;
  readonly asOf: PlainDate;
  readonly inputs: readonly InputFile[];
  readonly records: number;
  readonly invalidInstitutions: number;
  readonly problems: readonly Problem[];
  readonly tally: ProblemTally;
  readonly strict: boolean;
  readonly lang: Lang;
}

/** True when the data passes: no errors, and no warnings under --strict. */
export function isValid(tally: ProblemTally, strict: boolean): boolean {
  return tally.errors === 0 && (!strict || tally.warnings === 0);
}

/** Assembles the validation document, messages rendered in the report language. */
export function validationDocument(context: ValidationContext): ValidationDocument {
  const { rubric, tally } = context;
  return {
    schemaVersion: VALIDATION_SCHEMA_VERSION,
    tool: { name: 'sseval', version: context.toolVersion },
    rubric: { id: rubric.rubric.id, version: rubric.rubric.version, sha256: rubric.source.sha256, file: rubric.source.file },
    asOf: formatDate(context.asOf),
    inputs: context.inputs.map((input) => ({ ...input })),
    summary: {
      valid: isValid(tally, context.strict),
      strict: context.strict,
      records: context.records,
      invalidInstitutions: context.invalidInstitutions,
      errors: tally.errors,
      warnings: tally.warnings,
      infos: tally.infos,
      byCode: { ...tally.byCode },
      listed: context.problems.length,
      maxErrors: tally.limit ?? null,
      truncated: tally.truncated,
    },
    problems: context.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: problemMessage(p, context.lang),
      position: { ...p.position },
      ...(p.value === undefined ? {} : { value: p.value }),
      args: { ...p.args },
    })),
  };
}
