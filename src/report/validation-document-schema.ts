import { z } from 'zod';
import { VALIDATION_SCHEMA_VERSION } from './validation-document.js';

// Apart from the document's assembly (validation-document.ts), so that a command reporting problems loads no zod.

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
