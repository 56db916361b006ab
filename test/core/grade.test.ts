import { describe, expect, it } from 'vitest';
import { bandGrade, quotaCounts, quotaGrades, worseGrade } from '../../src/core/grade.js';
import { competitionRanks } from '../../src/core/rank.js';
import { resolvedGradeBands } from '../../src/rubric/grade-bands.js';
import type { Rubric } from '../../src/rubric/schema.js';

const BANDS = resolvedGradeBands({
  total: { points: 100, precision: 2 },
  grading: { kind: 'bands', bands: [{ grade: 'S', min: 95 }, { grade: 'A', min: 85 }, { grade: 'B', min: 75 }, { grade: 'C', min: 65 }, { grade: 'D' }] },
} as Rubric);

describe('absolute grade bands (min inclusive, top band inclusive of the total)', () => {
  it.each([
    [100, 'S'],
    [95, 'S'],
    [94.99, 'A'],
    [85, 'A'],
    [84.99, 'B'],
    [75, 'B'],
    [65, 'C'],
    [64.99, 'D'],
    [0, 'D'],
  ])('%d → %s', (total, grade) => {
    expect(bandGrade(BANDS, total)).toBe(grade);
  });

  it('explicit max bounds are exclusive', () => {
    const bands = [
      { grade: '적합', label: undefined, min: 80, max: 100 },
      { grade: '부적합', label: undefined, min: 0, max: 80 },
    ];
    expect(bandGrade(bands, 80)).toBe('적합');
    expect(bandGrade(bands, 79.99)).toBe('부적합');
    expect(bandGrade(bands, 100)).toBe('적합');
  });
});

describe('relative quotas: round half up of N × share, best first, the last grade takes the rest', () => {
  it.each([
    [10, [1, 1, 5, 2, 1]],
    [16, [2, 2, 8, 3, 1]], // 1.6→2, 1.6→2, 8, 3.2→3, rest 1
    [15, [2, 2, 8, 3, 0]], // 1.5→2, 1.5→2, 7.5→8, 3, rest 0
    [5, [1, 1, 3, 0, 0]], // 0.5→1, 0.5→1, 2.5→3, then nothing is left
    [1, [0, 0, 1, 0, 0]], // 0.1→0, 0.1→0, 0.5→1
    [0, [0, 0, 0, 0, 0]],
  ])('N = %i → %j', (n, counts) => {
    expect(quotaCounts(n, [10, 10, 50, 20, 10])).toEqual(counts);
  });

  const quotas = {
    kind: 'quotas' as const,
    within: 'type',
    minGroupSize: 4,
    quotas: [
      { grade: 'A', share: 25 },
      { grade: 'B', share: 50 },
      { grade: 'C', share: 25 },
    ],
  };

  it('grades within each group; a tie at a boundary shares the better grade', () => {
    const items = [
      { key: 'a1', score: 90, group: '방문요양' },
      { key: 'a2', score: 80, group: '방문요양' },
      { key: 'a3', score: 70, group: '방문요양' },
      { key: 'a4', score: 60, group: '방문요양' },
      { key: 'b1', score: 50, group: '주야간보호' },
      { key: 'b2', score: 50, group: '주야간보호' },
      { key: 'b3', score: 40, group: '주야간보호' },
      { key: 'b4', score: 30, group: '주야간보호' },
    ];
    expect(Object.fromEntries(quotaGrades(items, quotas))).toEqual({
      a1: 'A',
      a2: 'B',
      a3: 'B',
      a4: 'C',
      b1: 'A',
      b2: 'A', // tied with b1 across the A/B boundary
      b3: 'B',
      b4: 'C', // counts follow position: A 1, B 2, C rest
    });
  });

  it('a group below the minimum size takes its grade from its place in the whole population', () => {
    const items = [
      { key: 'a1', score: 90, group: '방문요양' },
      { key: 'a2', score: 80, group: '방문요양' },
      { key: 'a3', score: 70, group: '방문요양' },
      { key: 'a4', score: 60, group: '방문요양' },
      { key: 's1', score: 10, group: '단기보호' }, // alone: graded in the population of 5 (A 1, B 3 (2.5→3), C 1)
    ];
    const grades = quotaGrades(items, quotas);
    expect(grades.get('s1')).toBe('C');
    expect(grades.get('a1')).toBe('A');
    expect(grades.get('a4')).toBe('C');
  });
});

describe('ranks and grade order', () => {
  it('standard competition ranking 1-2-2-4', () => {
    const ranks = competitionRanks([
      { key: 'c', score: 85 },
      { key: 'a', score: 90 },
      { key: 'b', score: 85 },
      { key: 'd', score: 80 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('worseGrade picks the later grade in best-first order', () => {
    expect(worseGrade(['S', 'A', 'B'], 'S', 'B')).toBe('B');
    expect(worseGrade(['S', 'A', 'B'], 'B', 'A')).toBe('B');
  });
});
