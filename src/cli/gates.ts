import { Option } from 'commander';
import { problem, type Problem } from '../core/problems.js';
import type { RankedRows } from '../core/ranked-rows.js';
import type { CompiledRubric } from '../rubric/model.js';
import { ExitCode, ExitError } from './exit.js';

/** How many institution ids a gate's message lists before it says "…". */
const LISTED_IDS = 20;

/** `--fail-under GRADE`, declared once for `grade` and its `--help`. */
export function failUnderOption(): Option {
  return new Option('--fail-under <grade>', "exit 1 when any graded institution is below this grade (in the rubric's grade order)");
}

/** `--max-issues N`, declared once for `grade`, `validate` and their `--help`. */
export function maxIssuesOption(): Option {
  return new Option('--max-issues <n>', 'exit 1 when there are more than N problems (errors + warnings)');
}

/** Reads `--max-issues`: a whole number, or absent; anything else stops with exit 2. */
export function parseMaxIssues(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--max-issues', value: text, detail: '0, 1, 2, …' })]);
  return Number(text);
}

/** Checks `--fail-under` against the rubric's grades before any work is done; an unknown grade stops with exit 2. */
export function checkFailUnderGrade(rubric: CompiledRubric, grade: string | undefined): void {
  if (grade === undefined || rubric.grades.includes(grade)) return;
  throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--fail-under', value: grade, detail: rubric.grades.join(', ') })]);
}

/**
 * The `--fail-under` gate: institutions whose final grade comes after `grade` in the rubric's order (best
 * first). Withheld institutions have no grade and do not count; an unknown grade was refused up front.
 */
export function failUnderGate(
  rubric: CompiledRubric,
  rows: Pick<RankedRows, 'count' | 'id' | 'grade'>,
  grade: string | undefined,
): Problem | undefined {
  if (grade === undefined) return undefined;
  const threshold = rubric.grades.indexOf(grade);
  const below: string[] = [];
  for (let p = 0; p < rows.count; p += 1) {
    const earned = rows.grade(p);
    if (earned !== null && rubric.grades.indexOf(earned) > threshold) below.push(rows.id(p));
  }
  below.sort();
  if (below.length === 0) return undefined;
  const ids = below.slice(0, LISTED_IDS).join(', ') + (below.length > LISTED_IDS ? ', …' : '');
  return problem('GATE_FAIL_UNDER', 'error', {}, { count: below.length, grade, ids });
}

/** The `--max-issues` gate: more problems (errors + warnings; notes do not count) than `max`. */
export function maxIssuesGate(counts: { readonly errors: number; readonly warnings: number }, max: number | undefined): Problem | undefined {
  const count = counts.errors + counts.warnings;
  if (max === undefined || count <= max) return undefined;
  return problem('GATE_MAX_ISSUES', 'error', {}, { count, errors: counts.errors, warnings: counts.warnings, max });
}
