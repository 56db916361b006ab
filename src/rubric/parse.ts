import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { problem, type Problem } from '../core/problems.js';
import { compileRubric, formatPath, type CompiledRubric } from './model.js';
import { RubricSchema, type Rubric } from './schema.js';

/** SHA-256 of a rubric or input file's bytes, hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Parses rubric text (YAML or JSON; JSON is YAML), checks it against the schema and the load-time rules,
 * and reports every problem with its path and, where the parser knows it, its line. `extraChecks` (the
 * linter's) run on a rubric that passed the schema, and their problems get lines too.
 */
export function parseRubricText(
  text: string,
  file: string,
  digest: string = sha256(text),
  extraChecks: (rubric: Rubric, file: string) => Problem[] = () => [],
): { rubric?: CompiledRubric; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const line = lineCounter.linePos(error.pos[0]).line;
        return problem('RUBRIC_SYNTAX', 'error', { file, line }, { detail: error.message.split('\n')[0] ?? '' });
      }),
    };
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = RubricSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const line = lineOf(path);
        const position = { file, path: formatPath(path), ...(line === undefined ? {} : { line }) };
        return problem('RUBRIC_SCHEMA', 'error', position, { detail: issue.message });
      }),
    };
  }
  const compiled = compileRubric(parsed.data, { file, sha256: digest });
  const withLines = [...compiled.problems, ...extraChecks(parsed.data, file)].map((p) => {
    const line = p.position.path === undefined ? undefined : lineOf(splitPath(p.position.path));
    return line === undefined ? p : { ...p, position: { ...p.position, line } };
  });
  return compiled.rubric ? { rubric: compiled.rubric, problems: withLines } : { problems: withLines };
}

/** Splits a formatted path back into keys and indexes. */
function splitPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
