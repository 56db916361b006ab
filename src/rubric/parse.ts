import { parseCheckedYaml } from '../core/checked-yaml.js';
import type { Problem } from '../core/problems.js';
import { sha256 } from '../core/digest.js';
import { compileRubric, type CompiledRubric } from './model.js';
import { RubricSchema, type Rubric } from './schema.js';

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
  const checked = parseCheckedYaml(text, file, RubricSchema, { syntax: 'RUBRIC_SYNTAX', schema: 'RUBRIC_SCHEMA' });
  if ('problems' in checked) return { problems: checked.problems };
  const compiled = compileRubric(checked.value, { file, sha256: digest });
  const withLines = [...compiled.problems, ...extraChecks(checked.value, file)].map((p) => {
    const line = p.position.path === undefined ? undefined : checked.lineOf(p.position.path);
    return line === undefined ? p : { ...p, position: { ...p.position, line } };
  });
  return compiled.rubric ? { rubric: compiled.rubric, problems: withLines } : { problems: withLines };
}
