import { describe, expect, it } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { gradeInstitutions } from '../../src/core/engine.js';
import { peerStats, percentileOf, zScoreOf } from '../../src/core/relative.js';
import { record, rubricFrom } from '../helpers/rubric.js';

describe('percentile (mid-rank) and z-score', () => {
  const stats = peerStats('서울', [10, 20, 20, 30, 40]);

  it.each([
    // value, direction, expected: 100 × (worse + ½ tied others) / (n − 1)
    [10, 'higher', 0],
    [20, 'higher', 37.5], // 1 worse + ½ × 1 tied = 1.5 / 4
    [40, 'higher', 100],
    [10, 'lower', 100],
    [30, 'lower', 25], // only 40 is worse
  ] as const)('%d (%s is better) → %d', (value, direction, expected) => {
    expect(percentileOf(stats, value, direction)).toBeCloseTo(expected, 10);
  });

  it('z-scores use the population standard deviation and flip for lower-is-better', () => {
    // mean 24, variance (196 + 16 + 16 + 36 + 256) / 5 = 104
    expect(stats.mean).toBe(24);
    expect(zScoreOf(stats, 40, 'higher')).toBeCloseTo(16 / Math.sqrt(104), 12);
    expect(zScoreOf(stats, 40, 'lower')).toBeCloseTo(-16 / Math.sqrt(104), 12);
    expect(zScoreOf(peerStats(null, [5, 5]), 5, 'higher')).toBe(0);
  });

  it('a group of one is the median', () => {
    expect(percentileOf(peerStats(null, [7]), 7, 'higher')).toBe(50);
  });

  fcTest.prop([fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 50 })])(
    'percentiles stay within 0..100 and better values never rank lower',
    (values) => {
      const s = peerStats(null, values);
      const sorted = [...values].sort((a, b) => a - b);
      const ps = sorted.map((v) => percentileOf(s, v, 'higher'));
      ps.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        if (i > 0) expect(p).toBeGreaterThanOrEqual(ps[i - 1]!);
      });
    },
  );
});

describe('relative indicators within a peer group', () => {
  const rubric = rubricFrom(`
id: rel
version: "1"
effective: { from: 2024-01-01 }
title: { ko: 상대평가 }
subject: provider
fields:
  - { id: id, label: { ko: 기관코드 }, type: id }
  - { id: name, label: { ko: 기관명 }, type: text }
  - { id: type, label: { ko: 서비스유형 }, type: text }
  - { id: v, label: { ko: 값 }, type: number }
domains: [{ id: D, label: { ko: 영역 }, points: 100 }]
indicators:
  - { id: p, label: { ko: 백분위 }, domain: D, points: 50, field: v, method: { kind: relative, scale: percentile, within: type, minGroupSize: 3 } }
  - { id: z, label: { ko: 표준점수 }, domain: D, points: 50, field: v, method: { kind: relative, scale: zscore, zRange: [-1, 1] } }
total: { points: 100 }
grading: { kind: bands, bands: [{ grade: 상, min: 50 }, { grade: 하 }] }
`);
  const asOf = { year: 2024, month: 1, day: 1 };

  it('percentile within the type (small types use everyone), z-score over everyone', () => {
    const records = [
      record('1', { type: '방문요양', v: 10 }),
      record('2', { type: '방문요양', v: 20 }),
      record('3', { type: '방문요양', v: 30 }),
      record('4', { type: '단기보호', v: 40 }), // a group of one: compared with all four
    ];
    const { results } = gradeInstitutions(rubric, records, { asOf });
    const byId = Object.fromEntries(results.map((r) => [r.id, r.indicators]));
    expect(byId['1']![0]!.rating).toBe(0);
    expect(byId['2']![0]!.rating).toBe(50);
    expect(byId['3']![0]!.rating).toBe(100);
    expect(byId['4']![0]!.rating).toBe(100); // best of all four
    // mean 25, sd √125 ≈ 11.18; z(40) = 1.342 → clamped to rating 100; z(20) = −0.447 → (−0.447 + 1) / 2 = 27.64 %
    expect(byId['4']![1]!.rating).toBe(100);
    expect(byId['2']![1]!.rating).toBeCloseTo(((-5 / Math.sqrt(125) + 1) / 2) * 100, 10);
    expect(byId['2']![0]!.reason).toEqual({ code: 'REASON_PERCENTILE', args: expect.objectContaining({ group: '방문요양', n: '3', percentile: '50' }) });
  });
});
