import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubricFile } from '../../src/rubric/files.js';
import type { CompiledRubric } from '../../src/rubric/model.js';

/** The small rubric the ingest and validation tests read data against (one field of every type). */
export const INGEST_RUBRIC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'rubrics', 'ingest-test.yaml');

/** Loads test/fixtures/rubrics/ingest-test.yaml; fails the test when it does not load. */
export function ingestRubric(): CompiledRubric {
  const { rubric, problems } = loadRubricFile(INGEST_RUBRIC_FILE);
  if (!rubric) throw new Error(`ingest-test rubric did not load: ${JSON.stringify(problems)}`);
  return rubric;
}
