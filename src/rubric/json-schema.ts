import { z } from 'zod';
import { RubricSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of rubric files, generated from the zod schema, never hand-copied.
 * It describes the input side, so members with defaults are optional, as they are in a rubric file.
 */
export function rubricJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(RubricSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated;
  return { $schema, title: 'sseval rubric (v1)', ...rest };
}

/** The schema as the text of rubrics/schema.json: two-space JSON with a final newline. */
export function renderRubricJsonSchema(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
