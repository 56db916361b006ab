// Writes dist/rubrics.prechecked.json, the bundled rubrics as they passed the schema by the sha256 of their bytes,
// so that a job with an unchanged bundled rubric neither parses YAML nor runs the schema (run by `npm run build`).
import { BUNDLED_RUBRICS_DIR, precheckRubricFiles } from '../dist/rubric/files.js';
import { rubricFilesIn } from '../dist/rubric/locate.js';
import { PRECHECKED_RUBRICS_FILE, RUBRIC_SCHEMA_MODULE, rubricSchemaDigest } from '../dist/rubric/prechecked.js';
import { writeFileAtomic } from '../dist/report/output.js';

const schema = rubricSchemaDigest();
if (schema === undefined) throw new Error(`${RUBRIC_SCHEMA_MODULE} is missing: run tsc first`);
const written = { schema, rubrics: precheckRubricFiles(rubricFilesIn([BUNDLED_RUBRICS_DIR])) };
await writeFileAtomic(PRECHECKED_RUBRICS_FILE, JSON.stringify(written), { force: true, inputs: [] });
