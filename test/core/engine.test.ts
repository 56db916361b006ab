import { describe, expect, it } from 'vitest';
import { gradeInstitutions } from '../../src/core/engine.js';
import type { InstitutionResult } from '../../src/core/results.js';
import type { FieldValue } from '../../src/core/values.js';
import { findingReason } from '../../src/messages/explain.js';
import { renderMessage } from '../../src/messages/index.js';
import { record, rubricFrom } from '../helpers/rubric.js';
import { ALL_METHODS_RUBRIC } from '../helpers/rubrics.js';

const rubric = rubricFrom(ALL_METHODS_RUBRIC);
const asOf = { year: 2024, month: 12, day: 31 };

/** x 75 (60–90 linear → 50 %), y 85 (band ≥80 → 16), 양호 (16), turnover 10 (lower 5–25 → 75 %), users 150 of 200 (75 %),
 *  improvement 75 − 70 = 5 of 10 (50 %), re-use 60/150 = 40 % (band ≥30 → 5). */
const BASE: Record<string, FieldValue> = { region: '서울', x: 75, base: 70, y: 85, lvl: '양호', turnover: 10, users: 150, ret: 60 };
const TOP: Record<string, FieldValue> = { region: '부산', x: 90, base: 80, y: 95, lvl: '우수', turnover: 5, users: 200, ret: 100 };

function gradeOne(values: Record<string, FieldValue>): InstitutionResult {
  const { results } = gradeInstitutions(rubric, [record('001', values)], { asOf });
  return results[0]!;
}

const points = (r: InstitutionResult) => Object.fromEntries(r.indicators.map((f) => [f.id, f.points]));
const domains = (r: InstitutionResult) => Object.fromEntries(r.domains.map((d) => [d.id, d.points]));

describe('scoring every method on hand-computed numbers', () => {
  it('scores the base record: A 42, B 25, total 67 → C with consulting', () => {
    const r = gradeOne(BASE);
    expect(points(r)).toEqual({ lin: 10, band: 16, lvl: 16, lower: 7.5, tgt: 7.5, imp: 5, reuse: 5 });
    expect(domains(r)).toEqual({ A: 42, B: 25 });
    expect(r.total).toBe(67);
    expect(r.coverage).toBe(100);
    expect(r.grade).toBe('C');
    expect(r.earnedGrade).toBe('C');
    expect(r.followUp).toEqual([{ ko: '컨설팅', en: 'Consulting' }]);
    expect(r.status).toBe('graded');
  });

  it('explains each score in words a person can check', () => {
    const r = gradeOne(BASE);
    const reasons = Object.fromEntries(r.indicators.map((f) => [f.id, findingReason(f, 'ko')]));
    expect(reasons).toEqual({
      lin: '75% (기준 60–90% 사이 비례) → 10.00/20점',
      band: '85 ≥ 80 → 16.00/20점',
      lvl: '"양호" → 16.00/20점',
      lower: '10 (기준 5–25 사이 비례) → 7.50/10점',
      tgt: '150 / 목표 200 = 75% 달성 → 7.50/10점',
      imp: '70 → 75: 5 개선 (만점 기준 10) → 5.00/10점',
      reuse: '40 ≥ 30 → 5.00/10점',
    });
    expect(findingReason(r.indicators[0]!, 'en')).toBe('75% (linear between 60 and 90%) → 10.00/20 points');
  });

  it('gives full marks at the top and S with an award', () => {
    const r = gradeOne(TOP);
    expect(r.total).toBe(100);
    expect(r.grade).toBe('S');
    expect(r.followUp).toEqual([{ ko: '표창', en: 'Award' }]);
  });

  it.each([
    // [case, change, indicator, points, rating]
    ['linear below low', { x: 50 }, 'lin', 0, 0],
    ['linear above high', { x: 99 }, 'lin', 20, 100],
    ['linear exact third', { x: 70 }, 'lin', 20 / 3, 100 / 3],
    ['band on the threshold', { y: 90 }, 'band', 20, 100],
    ['band by rating', { y: 70 }, 'band', 10, 50],
    ['below every band', { y: 69.9 }, 'band', 0, 0],
    ['lower is better at best', { turnover: 5 }, 'lower', 10, 100],
    ['lower is better at worst', { turnover: 30 }, 'lower', 0, 0],
    ['target over-attained is capped', { users: 300, ret: 60 }, 'tgt', 10, 100],
    ['improvement negative scores 0', { base: 80 }, 'imp', 0, 0],
    ['improvement beyond full is capped', { base: 50 }, 'imp', 10, 100],
    ['formula with zero numerator scores the fallback 0', { ret: 0 }, 'reuse', 0, 0],
  ])('%s', (_name, change, id, expectedPoints, expectedRating) => {
    const r = gradeOne({ ...BASE, ...change });
    const finding = r.indicators.find((f) => f.id === id)!;
    expect(finding.points).toBeCloseTo(expectedPoints, 10);
    expect(finding.rating).toBeCloseTo(expectedRating, 10);
    expect(finding.status).toBe('scored');
  });
});

describe('missing data policies', () => {
  it('exclude: leaves the indicators out and renormalises each domain (x blank → 74.67)', () => {
    const r = gradeOne({ ...BASE, x: null });
    expect(r.indicators.filter((f) => f.status === 'excluded').map((f) => f.id)).toEqual(['lin', 'imp']);
    // A: (16 + 16) × 60 / 40 = 48; B: (7.5 + 7.5 + 5) × 40 / 30 = 26.667; total 74.67 → C, coverage 70 %
    expect(domains(r).A).toBe(48);
    expect(domains(r).B).toBeCloseTo(80 / 3, 10);
    expect(r.total).toBe(74.67);
    expect(r.coverage).toBe(70);
    expect(r.grade).toBe('C');
    expect(findingReason(r.indicators[0]!, 'ko')).toBe('자료 없음 (x) → 평가에서 제외 (영역 배점 재조정)');
  });

  it('zero: scores 0 and keeps the weight (users blank: re-use 0, target excluded → 58.67)', () => {
    const r = gradeOne({ ...BASE, users: null });
    const reuse = r.indicators.find((f) => f.id === 'reuse')!;
    expect(reuse).toMatchObject({ status: 'zero', points: 0, rating: 0 });
    expect(findingReason(reuse, 'ko')).toBe('자료 없음 (users) → 0점 처리');
    // B: (7.5 + 5 + 0) × 40 / 30 = 16.667; total 42 + 16.667 = 58.67 → D
    expect(r.total).toBe(58.67);
    expect(r.coverage).toBe(90);
    expect(r.grade).toBe('D');
  });

  it('division by zero is missing, not infinity', () => {
    const r = gradeOne({ ...BASE, users: 0, ret: 0 });
    const reuse = r.indicators.find((f) => f.id === 'reuse')!;
    expect(reuse).toMatchObject({ status: 'zero', points: 0 });
    expect(reuse.reason.code).toBe('REASON_DIVISION_BY_ZERO');
  });

  it('withholds the grade when coverage falls below the minimum (60 %)', () => {
    const r = gradeOne({ ...BASE, x: null, y: null, lvl: null });
    expect(r.coverage).toBe(30);
    expect(r.status).toBe('withheld');
    expect(r.grade).toBeNull();
    expect(r.rank).toBeNull();
    expect(r.withheld.map((w) => renderMessage(w.code, w.args, 'ko'))).toEqual(['자료가 있는 배점 30% < 최소 60%']);
  });

  it('fail: the indicator failing withholds the grade', () => {
    const strict = rubricFrom(ALL_METHODS_RUBRIC.replace('    method: { kind: target, target: 200 }', '    missing: fail\n    method: { kind: target, target: 200 }'));
    const { results } = gradeInstitutions(strict, [record('001', { ...BASE, users: null })], { asOf });
    expect(results[0]!.indicators.find((f) => f.id === 'tgt')!.status).toBe('failed');
    expect(results[0]!.status).toBe('withheld');
    expect(results[0]!.withheld[0]).toEqual({ code: 'WITHHELD_FAILED', args: { indicators: 'tgt' } });
  });
});

describe('limiters', () => {
  it('setDomain: an abuse sanction sets domain B to 0 (67 → 42, D)', () => {
    const r = gradeOne({ ...BASE, sanction: true });
    expect(domains(r)).toEqual({ A: 42, B: 0 });
    expect(r.domains.find((d) => d.id === 'B')!.setBy).toBe('abuse');
    expect(r.total).toBe(42);
    expect(r.grade).toBe('D');
    expect(renderMessage(r.limiters[0]!.detail.code, r.limiters[0]!.detail.args, 'ko')).toBe('나영역 영역 25 → 0점');
  });

  it('withhold: an open investigation withholds the grade and the rank, with the reason', () => {
    const r = gradeOne({ ...BASE, probe: true });
    expect(r.total).toBe(67);
    expect(r.grade).toBeNull();
    expect(r.status).toBe('withheld');
    expect(renderMessage(r.withheld[0]!.code, r.withheld[0]!.args, 'en')).toBe('Under investigation: grade withheld');
  });

  it('capGrade: a late submission caps S at C, keeping the earned grade visible', () => {
    const r = gradeOne({ ...TOP, late: true });
    expect(r.earnedGrade).toBe('S');
    expect(r.grade).toBe('C');
    expect(r.followUp).toEqual([{ ko: '컨설팅', en: 'Consulting' }]);
  });

  it('a false condition applies nothing; a blank condition is reported and not applied', () => {
    const { results, problems } = gradeInstitutions(rubric, [record('001', { ...BASE, sanction: false, probe: null, late: false })], { asOf });
    expect(results[0]!.limiters).toEqual([]);
    expect(problems.map((p) => [p.code, p.severity, p.position.institution])).toEqual([['LIMITER_CONDITION_MISSING', 'warning', '001']]);
  });
});

describe('ranking', () => {
  it('ranks 1-2-2-4 overall and within peer groups, ties listed by id, withheld last', () => {
    const records = [
      record('D', { ...BASE, region: '서울', y: 95 }), // 71
      record('C', { ...BASE, region: '부산' }), // 67
      record('B', { ...BASE, region: '서울' }), // 67
      record('A', { ...TOP, region: '서울' }), // 100
      record('E', { ...BASE, region: '부산', probe: true }), // withheld
      record('F', { ...BASE, region: '부산', y: 0 }), // 51
    ];
    const { results } = gradeInstitutions(rubric, records, { asOf });
    expect(results.map((r) => [r.id, r.total, r.rank])).toEqual([
      ['A', 100, 1],
      ['D', 71, 2],
      ['B', 67, 3],
      ['C', 67, 3],
      ['F', 51, 5],
      ['E', 67, null],
    ]);
    const inRegion = Object.fromEntries(results.map((r) => [r.id, r.groupRanks[0]]));
    expect(inRegion.A).toEqual({ field: 'region', group: '서울', rank: 1, of: 3 });
    expect(inRegion.B).toEqual({ field: 'region', group: '서울', rank: 3, of: 3 });
    expect(inRegion.C).toEqual({ field: 'region', group: '부산', rank: 1, of: 2 });
    expect(inRegion.F).toEqual({ field: 'region', group: '부산', rank: 2, of: 2 });
    expect(inRegion.E).toEqual({ field: 'region', group: '부산', rank: null, of: 0 });
  });
});
