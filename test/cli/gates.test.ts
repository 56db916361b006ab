import { describe, expect, it } from 'vitest';
import { checkFailUnderGrade, failUnderGate, maxIssuesGate, parseMaxIssues } from '../../src/cli/gates.js';
import { loadRubricRef, rubricDirs } from '../../src/cli/rubric-ref.js';
import { listedRows } from '../../src/core/ranked-rows.js';
import type { InstitutionResult } from '../../src/core/results.js';

const rubric = await loadRubricRef('agency-management@2024', { year: 2024, month: 12, day: 31 }, await rubricDirs([]));
const graded = (pairs: [string, string | null][]) => listedRows(pairs.map(([id, grade]) => ({ id, grade }) as InstitutionResult));

describe('gates', () => {
  it('reads the grades best first from the rubric', () => {
    expect(rubric.grades).toEqual(['S', 'A', 'B', 'C', 'D']);
  });

  it.each([
    ['nobody below', 'C', [['1', 'S'], ['2', 'C']], undefined],
    ['one below, withheld ignored', 'B', [['2', 'C'], ['1', 'A'], ['3', null]], { count: 1, grade: 'B', ids: '2' }],
    ['sorted ids', 'S', [['9', 'A'], ['10', 'D'], ['1', 'S']], { count: 2, grade: 'S', ids: '10, 9' }],
    ['no gate', undefined, [['1', 'D']], undefined],
  ] as const)('--fail-under: %s', (_case, grade, results, args) => {
    const found = failUnderGate(rubric, graded(results.map(([id, g]) => [id, g])), grade);
    expect(found?.args).toEqual(args);
  });

  it('--fail-under lists at most 20 ids', () => {
    const many = graded(Array.from({ length: 25 }, (_, i) => [String(i).padStart(2, '0'), 'D'] as [string, string]));
    expect(String(failUnderGate(rubric, many, 'A')?.args.ids)).toBe(`${Array.from({ length: 20 }, (_, i) => String(i).padStart(2, '0')).join(', ')}, …`);
  });

  it('refuses a grade the rubric does not have', () => {
    expect(() => checkFailUnderGrade(rubric, 'E')).toThrow('CLI_BAD_OPTION');
    expect(() => checkFailUnderGrade(rubric, 'A')).not.toThrow();
  });

  it.each([
    [{ errors: 0, warnings: 3 }, 3, undefined],
    [{ errors: 1, warnings: 3 }, 3, { count: 4, errors: 1, warnings: 3, max: 3 }],
    [{ errors: 0, warnings: 1 }, 0, { count: 1, errors: 0, warnings: 1, max: 0 }],
    [{ errors: 9, warnings: 9 }, undefined, undefined],
  ])('--max-issues: %j with %s', (counts, max, args) => {
    expect(maxIssuesGate(counts, max)?.args).toEqual(args);
  });

  it.each([
    ['0', 0],
    ['12', 12],
    [undefined, undefined],
  ])('parses --max-issues %s', (text, expected) => {
    expect(parseMaxIssues(text)).toBe(expected);
  });

  it.each(['-1', '1.5', 'ten', ''])('refuses --max-issues %j (exit 2)', (text) => {
    expect(() => parseMaxIssues(text)).toThrow('CLI_BAD_OPTION');
  });
});
