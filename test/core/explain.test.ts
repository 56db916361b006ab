import { describe, expect, test } from 'vitest';
import { standingOf } from '../../src/core/explain.js';
import { fixtureDocument, fixtureRecords, loadFixtureRubric } from '../helpers/report-fixture.js';

const resultOf = (doc: ReturnType<typeof fixtureDocument>['doc'], id: string) => doc.results.find((r) => r.id === id)!;

describe('standingOf with grade bands (A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F)', () => {
  const { doc, rubric } = fixtureDocument();
  const records = fixtureRecords();
  test.each([
    // id, earned grade, band, next grade, its lower bound, distance (hand-computed from the totals)
    ['0101', 'A', { min: 90, max: 100 }, null],
    ['0203', 'C', { min: 70, max: 80 }, { grade: 'B', score: 80, distance: 8, institution: null }],
    ['0204', 'C', { min: 70, max: 80 }, { grade: 'B', score: 80, distance: 10, institution: null }],
    ['0102', 'D', { min: 60, max: 70 }, { grade: 'C', score: 70, distance: 4, institution: null }],
    ['0306', 'F', { min: 0, max: 60 }, { grade: 'D', score: 60, distance: 13.3, institution: null }],
    // withheld, but its total still sits in a band
    ['0305', 'B', { min: 80, max: 90 }, { grade: 'A', score: 90, distance: 10, institution: null }],
  ])('%s lands in %s', (id, grade, band, next) => {
    expect(standingOf(rubric, resultOf(doc, id), doc.results, records)).toEqual({ grading: 'bands', earnedGrade: grade, band, pool: null, next });
  });

  test('a total of exactly a band bound is in the upper band; the distance is rounded to the rubric precision', () => {
    const result = { ...resultOf(doc, '0306'), total: 59.9, earnedGrade: 'F' };
    expect(standingOf(rubric, result, doc.results, records).next).toEqual({ grade: 'D', score: 60, distance: 0.1, institution: null });
  });

  test('no total: no band', () => {
    const result = { ...resultOf(doc, '0306'), total: null, earnedGrade: null };
    expect(standingOf(rubric, result, doc.results, records)).toEqual({ grading: 'bands', earnedGrade: null, band: null, pool: null, next: null });
  });
});

describe('standingOf with quotas (A 20 %, B 30 %, C 50 % within facility type, groups under 3 with everyone)', () => {
  const rubric = loadFixtureRubric('mini-facility-quota.yaml');
  const { doc } = fixtureDocument({ rubric });
  const records = fixtureRecords();
  const everyone = { field: null, group: null, size: 5 };
  const elderly = { field: 'facility_type', group: '노인', size: 3 };
  test.each([
    // 노인 (3): 0101 96 A · 0203 72 B · 0306 46.7 C; everyone (5): 0101 A · 0203 72, 0204 70 B · 0102 66, 0306 C
    ['0101', 'A', elderly, null],
    ['0203', 'B', elderly, { grade: 'A', score: 96, distance: 24, institution: '0101' }],
    ['0306', 'C', elderly, { grade: 'B', score: 72, distance: 25.3, institution: '0203' }],
    ['0204', 'B', everyone, { grade: 'A', score: 96, distance: 26, institution: '0101' }],
    ['0102', 'C', everyone, { grade: 'B', score: 70, distance: 4, institution: '0204' }],
  ])('%s earns %s', (id, grade, pool, next) => {
    const result = resultOf(doc, id);
    expect(result.earnedGrade).toBe(grade);
    expect(standingOf(rubric, result, doc.results, records)).toEqual({ grading: 'quotas', earnedGrade: grade, band: null, pool, next });
  });

  test('a withheld institution has a pool but no quota grade', () => {
    expect(standingOf(rubric, resultOf(doc, '0305'), doc.results, records)).toEqual({
      grading: 'quotas',
      earnedGrade: null,
      band: null,
      pool: everyone,
      next: null,
    });
  });
});
