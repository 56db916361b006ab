import { readFile } from 'node:fs/promises';
import { problem, type Problem } from '../core/problems.js';
import { GRADE_SCHEMA_VERSION, type GradeDocument } from '../report/grade-document.js';
import { GradeDocumentSchema } from '../report/grade-document-schema.js';

/** Issues of a malformed document reported at most; the rest add nothing a person can act on first. */
const MAX_SHAPE_ISSUES = 5;

/**
 * Reads a `sseval grade --format json` document and checks it against its schema: an unreadable file, text
 * that is not JSON, another schemaVersion, a shape that does not match or an id listed twice is a problem.
 */
export async function readGradeDocument(file: string): Promise<{ doc?: GradeDocument; problems: Problem[] }> {
  const at = { file };
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return { problems: [problem('COMPARE_UNREADABLE', 'error', at, { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) })] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [problem('COMPARE_NOT_JSON', 'error', at, { file, detail: (error as Error).message })] };
  }
  const version = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).schemaVersion : undefined;
  if (typeof version === 'number' && version !== GRADE_SCHEMA_VERSION) {
    return { problems: [problem('COMPARE_SCHEMA_VERSION', 'error', at, { file, version, supported: GRADE_SCHEMA_VERSION })] };
  }
  const parsed = GradeDocumentSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, MAX_SHAPE_ISSUES).map((issue) =>
        problem('COMPARE_BAD_FILE', 'error', at, { file, path: issue.path.map(String).join('.') || '(root)', detail: issue.message }),
      ),
    };
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const result of parsed.data.results) {
    if (seen.has(result.id)) duplicates.add(result.id);
    seen.add(result.id);
  }
  if (duplicates.size > 0) return { problems: [...duplicates].map((id) => problem('COMPARE_DUPLICATE_ID', 'error', at, { file, id })) };
  return { doc: parsed.data, problems: [] };
}
