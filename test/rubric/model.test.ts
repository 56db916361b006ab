import { describe, expect, it } from 'vitest';
import { parseRubricText } from '../../src/rubric/parse.js';
import { ALL_METHODS_RUBRIC } from '../helpers/rubrics.js';

function problemsOf(yaml: string) {
  return parseRubricText(yaml, 'broken.yaml').problems.map((p) => ({ code: p.code, path: p.position.path, line: p.position.line }));
}

const replace = (from: string, to: string) => {
  if (!ALL_METHODS_RUBRIC.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return ALL_METHODS_RUBRIC.replace(from, to);
};

describe('load-time rubric checks report every problem with its path', () => {
  it('the test rubric itself loads cleanly', () => {
    expect(problemsOf(ALL_METHODS_RUBRIC)).toEqual([]);
  });

  it.each([
    ['weights that do not add up', replace('points: 40 }', 'points: 45 }'), [
      { code: 'RUBRIC_POINTS_MISMATCH', path: 'total.points' },
      { code: 'RUBRIC_POINTS_MISMATCH', path: 'domains[1].points' },
    ]],
    ['a gap between grade bands', replace('{ grade: A, min: 85 }', '{ grade: A, min: 85, max: 94 }'), [
      { code: 'RUBRIC_BANDS_GAP', path: 'grading.bands[0].min' },
    ]],
    ['an overlap between grade bands', replace('{ grade: B, min: 75 }', '{ grade: B, min: 75, max: 90 }'), [
      { code: 'RUBRIC_BANDS_OVERLAP', path: 'grading.bands[1].min' },
    ]],
    ['duplicate ids', replace('id: tgt', 'id: lin'), [{ code: 'RUBRIC_DUPLICATE_ID', path: 'indicators[4].id' }]],
    ['an unknown field', replace('field: turnover', 'field: turnover_rate'), [{ code: 'RUBRIC_UNKNOWN_FIELD', path: 'indicators[3].field' }]],
    ['a formula naming an unknown field', replace('ret / users * 100', 'ret / user * 100'), [{ code: 'RUBRIC_UNKNOWN_FIELD', path: 'indicators[6].formula' }]],
    ['a formula that does not parse', replace('ret / users * 100', 'ret / * 100'), [{ code: 'RUBRIC_BAD_EXPRESSION', path: 'indicators[6].formula' }]],
    ['unordered band thresholds', replace('{ atLeast: 80, points: 16 }', '{ atLeast: 95, points: 16 }'), [
      { code: 'RUBRIC_THRESHOLDS_UNORDERED', path: 'indicators[1].method.bands[1].atLeast' },
    ]],
    ['linear thresholds reversed', replace('{ kind: linear, low: 60, high: 90 }', '{ kind: linear, low: 90, high: 60 }'), [
      { code: 'RUBRIC_THRESHOLDS_UNORDERED', path: 'indicators[0].method.high' },
    ]],
    ['band points above the indicator maximum', replace('{ atLeast: 90, points: 20 }', '{ atLeast: 90, points: 25 }'), [
      { code: 'RUBRIC_POINTS_ABOVE_MAX', path: 'indicators[1].method.bands[0].points' },
    ]],
    ['a level of the field without a score', replace('        - { level: 부진, points: 4 }\n', ''), [
      { code: 'RUBRIC_LEVEL_UNSCORED', path: 'indicators[2].method.levels' },
    ]],
    ['a limiter capping at an unknown grade', replace('grade: C } }', 'grade: E } }'), [
      { code: 'RUBRIC_UNKNOWN_REF', path: 'limiters[2].effect.grade' },
    ]],
    ['a limiter on an unknown domain', replace('domain: B, points: 0', 'domain: Z, points: 0'), [
      { code: 'RUBRIC_UNKNOWN_REF', path: 'limiters[0].effect.domain' },
    ]],
    ['an indicator in an unknown domain', replace('    domain: B\n    points: 10\n    direction: lower', '    domain: Q\n    points: 10\n    direction: lower'), [
      { code: 'RUBRIC_POINTS_MISMATCH', path: 'domains[1].points' },
      { code: 'RUBRIC_UNKNOWN_REF', path: 'indicators[3].domain' },
    ]],
  ])('%s', (_name, yaml, expected) => {
    expect(problemsOf(yaml).map(({ code, path }) => ({ code, path }))).toEqual(expected);
  });

  it('reports schema errors with the YAML line, all at once', () => {
    const broken = replace('    method: { kind: linear, low: 5, high: 25 }', '    method: { kind: linnear, low: 5, high: 25 }').replace(
      'version: "1"',
      'version: "1"\ncolour: blue',
    );
    const problems = problemsOf(broken);
    expect(problems.map((p) => p.code)).toEqual(['RUBRIC_SCHEMA', 'RUBRIC_SCHEMA']);
    expect(problems.map((p) => p.path).sort()).toEqual(['', 'indicators[3].method.kind']);
    const kindProblem = problems.find((p) => p.path === 'indicators[3].method.kind')!;
    expect(broken.split('\n')[kindProblem.line! - 1]).toContain('linnear');
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('id: x\nversion: [1\n');
    expect(problems[0]).toMatchObject({ code: 'RUBRIC_SYNTAX' });
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('accepts JSON as well as YAML', () => {
    const asJson = JSON.stringify({ ...JSON.parse(JSON.stringify(parseRubricText(ALL_METHODS_RUBRIC, 'x').rubric!.rubric)) });
    expect(parseRubricText(asJson, 'rubric.json').problems).toEqual([]);
  });
});
