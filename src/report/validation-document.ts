import type { ProblemTally } from '../core/problem-log.js';
import type { Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import { formatDate, type PlainDate } from '../core/values.js';
import type { Lang } from '../messages/catalogue.js';
import { problemMessage } from '../messages/index.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { ValidationDocument } from './validation-document-schema.js';

export type { ValidationDocument } from './validation-document-schema.js';

/** Version of the validation JSON document; bump on any incompatible change. */
export const VALIDATION_SCHEMA_VERSION = 1;

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
