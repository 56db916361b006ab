import { parseRubricText } from '../../src/rubric/parse.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import type { InstitutionRecord } from '../../src/core/records.js';
import type { FieldValue } from '../../src/core/values.js';

/** Compiles rubric YAML for a test; fails the test with the problems when it does not load. */
export function rubricFrom(yaml: string): CompiledRubric {
  const { rubric, problems } = parseRubricText(yaml, 'test.yaml');
  if (!rubric) throw new Error(`rubric did not load: ${JSON.stringify(problems, null, 2)}`);
  return rubric;
}

/** An in-memory record; values not given are missing. */
export function record(id: string, values: Record<string, FieldValue>, row = 1): InstitutionRecord {
  return {
    id,
    name: typeof values.name === 'string' ? values.name : `기관 ${id}`,
    values: new Map(Object.entries(values)),
    source: { file: 'test.csv', row, line: row + 1 },
  };
}
