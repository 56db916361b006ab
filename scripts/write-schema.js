// Writes rubrics/schema.json from the built zod schema (run by `npm run schema`, after the build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRubricJsonSchema } from '../dist/rubric/json-schema.js';
import { writeFileAtomic } from '../dist/report/output.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'rubrics', 'schema.json');
await writeFileAtomic(target, renderRubricJsonSchema(), { force: true, inputs: [] });
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
