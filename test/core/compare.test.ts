import { describe, expect, test } from 'vitest';
import { compareCycles, improvementAwardCount, rubricWarnings, type Cycle } from '../../src/core/compare.js';
import type { InstitutionResult } from '../../src/core/results.js';
import { BEFORE_ROWS, fixtureDocument } from '../helpers/report-fixture.js';

const before = fixtureDocument({ rows: BEFORE_ROWS }).doc;
const after = fixtureDocument().doc;

describe('compareCycles on the fixture cycles 2024 → 2025', () => {
  const comparison = compareCycles(before, after);
  const row = (id: string) => comparison.institutions.find((i) => i.id === id)!;

  test('institutions in the later order, then those gone', () => {
    expect(comparison.institutions.map((i) => i.id)).toEqual(['0101', '0203', '0204', '0102', '0306', '0305', '0407']);
  });

  test.each([
    // id, movement, grades, totals, total delta, rank delta
    ['0101', 'same', 'A', 'A', 100, 96, -4, 0],
    ['0203', 'down', 'B', 'C', 82, 72, -10, 1],
    ['0204', 'down', 'A', 'D', 100, 70, -30, -2],
    ['0102', 'up', 'F', 'D', 48, 66, 18, 1],
    ['0305', 'ungraded', 'B', null, 80, 80, 0, null],
  ])('%s: %s', (id, movement, gradeBefore, gradeAfter, totalBefore, totalAfter, delta, rankDelta) => {
    const r = row(id);
    expect(r.movement).toBe(movement);
    expect([r.before?.grade, r.after?.grade]).toEqual([gradeBefore, gradeAfter]);
    expect([r.before?.total, r.after?.total]).toEqual([totalBefore, totalAfter]);
    expect(r.totalDelta).toBe(delta);
    expect(r.rankDelta).toBe(rankDelta);
  });

  test('new and gone institutions have one side only and no deltas', () => {
    expect(row('0306')).toMatchObject({ movement: 'new', before: null, totalDelta: null, rankDelta: null });
    expect(row('0306').after).toMatchObject({ grade: 'F', total: 46.7, rank: 5 });
    expect(row('0407')).toMatchObject({ movement: 'gone', name: '늘봄요양원', after: null, totalDelta: null });
    expect(row('0407').domains.every((d) => d.delta === null)).toBe(true);
  });

  test('domain deltas: 0204 lost its rights points to the sanction, 0102 gained in care and operations', () => {
    expect(row('0204').domains).toEqual([
      { id: 'care', before: 40, after: 40, delta: 0 },
      { id: 'rights', before: 30, after: 0, delta: -30 },
      { id: 'ops', before: 30, after: 30, delta: 0 },
    ]);
    expect(row('0102').domains.map((d) => d.delta)).toEqual([8, 0, 10]);
  });

  test('counts by movement', () => {
    expect(comparison.counts).toEqual({ up: 1, down: 2, same: 1, new: 1, gone: 1, ungraded: 1 });
  });

  test('the improvement award: 3 % of 5 comparable rounds to 0, so at least 1', () => {
    expect(comparison).toMatchObject({ eligible: 5, top: 1, awardShare: 3, improvers: ['0102'], decliners: ['0204'] });
  });

  test('--top 2 lists two decliners but only the one institution that improved', () => {
    expect(compareCycles(before, after, 2)).toMatchObject({ top: 2, awardShare: null, improvers: ['0102'], decliners: ['0204', '0203'] });
  });

  test('the grade scale and the domains come from the later rubric', () => {
    expect(comparison.grades).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(comparison.domains.map((d) => d.id)).toEqual(['care', 'rights', 'ops']);
  });
});

/** A bare result: only what compare reads. */
function result(id: string, grade: string | null, total: number | null, rank: number | null): InstitutionResult {
  return {
    id,
    name: `기관 ${id}`,
    groups: {},
    source: { file: 'x.csv', row: 1, line: 2 },
    indicators: [],
    domains: [],
    total,
    coverage: 100,
    earnedGrade: grade,
    grade,
    status: grade === null ? 'withheld' : 'graded',
    withheld: [],
    limiters: [],
    followUp: [],
    rank,
    groupRanks: [],
  };
}

const cycle = (results: InstitutionResult[], grades = ['S', 'A', 'B', 'C', 'D'], version = '2024'): Cycle => ({
  rubric: { id: 'agency-management', version, sha256: `sha-${version}`, grades, domains: [] },
  results,
});

describe('compareCycles edge cases', () => {
  test('ties at the boundary are all listed; an improver withheld in the later cycle is not', () => {
    const b = cycle([result('a', 'B', 70, 1), result('b', 'B', 70, 1), result('c', 'B', 70, 1), result('d', 'B', 70, 1)]);
    const a = cycle([result('a', 'A', 80, 1), result('b', 'A', 80, 1), result('c', 'B', 75, 3), result('d', null, 90, null)], undefined, '2025');
    expect(compareCycles(b, a, 1).improvers).toEqual(['a', 'b']);
  });

  test('grades missing from the later scale are ordered by the earlier scale; in neither scale, ungraded', () => {
    const b = cycle([result('a', 'S', 96, 1), result('b', 'X', 50, 2)]);
    const a = cycle([result('a', 'A', 90, 1), result('b', 'A', 90, 1)], ['A', 'B'], '2025');
    const rows = compareCycles(b, a).institutions;
    expect(rows.map((r) => r.movement)).toEqual(['down', 'ungraded']);
  });

  test('float noise is rounded off the deltas', () => {
    const rows = compareCycles(cycle([result('a', 'B', 79.1, 1)]), cycle([result('a', 'B', 82.4, 1)])).institutions;
    expect(rows[0]!.totalDelta).toBe(3.3);
  });

  test('nothing comparable: no award and empty lists', () => {
    expect(compareCycles(cycle([]), cycle([result('a', 'A', 90, 1)]))).toMatchObject({ eligible: 0, top: 0, improvers: [], decliners: [] });
  });
});

describe('improvementAwardCount (3 %, round half up, at least 1)', () => {
  test.each([
    [0, 0],
    [1, 1],
    [16, 1],
    [50, 2],
    [100, 3],
    [116, 3],
    [117, 4],
  ])('%i comparable → %i', (n, count) => {
    expect(improvementAwardCount(n)).toBe(count);
  });
});

describe('rubricWarnings', () => {
  const base = { id: 'agency-management', version: '2024', sha256: 'aaa', grades: ['S', 'A', 'B', 'C', 'D'], domains: [] };
  test.each([
    ['the same rubric', base, []],
    ['another version', { ...base, version: '2025', sha256: 'bbb' }, ['COMPARE_RUBRIC_DIFFERS']],
    ['edited content', { ...base, sha256: 'bbb' }, ['COMPARE_RUBRIC_CHANGED']],
    ['another grade scale', { ...base, version: '2025', grades: ['A', 'B', 'C', 'D', 'F'] }, ['COMPARE_RUBRIC_DIFFERS', 'COMPARE_GRADES_DIFFER']],
  ])('%s', (_name, later, codes) => {
    expect(rubricWarnings(base, later).map((w) => w.code)).toEqual(codes);
  });

  test('the warning names both versions', () => {
    expect(rubricWarnings(base, { ...base, version: '2025' })[0]!.args).toEqual({ before: 'agency-management@2024', after: 'agency-management@2025' });
  });
});
