import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { gradeInstitutions } from '../src/core/engine.js';
import { gradeInstitutions as oracle } from '/tmp/oracle/engine.ts';
import { record, rubricFrom } from './helpers/rubric.js';
import { ALL_METHODS_RUBRIC } from './helpers/rubrics.js';
import { bundledRubric, readFixture } from './fixtures/read-fixture.js';

const asOf = { year: 2024, month: 12, day: 31 };
const PAIRS = [['agency-management-2024.yaml', 'agencies-2024.csv'], ['facility-2024.yaml', 'facilities-2024.csv'], ['facility-2021.yaml', 'facilities-2021.csv'], ['ltc-relative-2024.yaml', 'ltc-2024.csv'], ['quality-cert-2024.yaml', 'quality-cert-applicants-2024.csv']];
it.each(PAIRS)('fixture %s %s', async (r, f) => {
  const rubric = bundledRubric(r);
  const { records } = await readFixture(f, rubric);
  for (const groupBy of [undefined, ['region']]) {
    const opts = groupBy ? { asOf, groupBy } : { asOf };
    expect(gradeInstitutions(rubric, records, opts)).toEqual(oracle(rubric, records, opts));
  }
});
const REL = `
id: rel
version: "1"
effective: { from: "2024-01-01" }
title: { ko: 상대 }
subject: provider
peerGroups: [region, kind]
minCoverage: 30
fields:
  - { id: id, label: { ko: 기관코드 }, type: id }
  - { id: name, label: { ko: 기관명 }, type: text }
  - { id: region, label: { ko: 시도 }, type: text }
  - { id: kind, label: { ko: 유형 }, type: text }
  - { id: a, label: { ko: a }, type: number }
  - { id: b, label: { ko: b }, type: number }
  - { id: c, label: { ko: c }, type: number }
  - { id: s, label: { ko: s }, type: boolean }
  - { id: w, label: { ko: w }, type: boolean }
domains:
  - { id: d1, label: { ko: d1 }, points: 60 }
  - { id: d2, label: { ko: d2 }, points: 40 }
indicators:
  - { id: i1, label: { ko: i1 }, domain: d1, points: 20, field: a, method: { kind: linear, low: 10, high: 90 } }
  - { id: i2, label: { ko: i2 }, domain: d1, points: 25, field: b, method: { kind: relative, scale: percentile, within: kind, minGroupSize: 3 }, missing: zero }
  - { id: i3, label: { ko: i3 }, domain: d1, points: 15, field: c, direction: lower, method: { kind: relative, scale: zscore } , missing: fail}
  - { id: i4, label: { ko: i4 }, domain: d2, points: 40, formula: a / b * 10, method: { kind: bands, bands: [{ atLeast: 8, rating: 100 }, { atLeast: 4, rating: 50 }] } }
total: { points: 100, precision: 1 }
grading: { kind: quotas, within: region, minGroupSize: 2, quotas: [{ grade: A, share: 30 }, { grade: B, share: 40 }, { grade: C, share: 30 }] }
limiters:
  - { id: cap, label: { ko: 상한 }, when: s == true, effect: { kind: capGrade, grade: B } }
  - { id: zero, label: { ko: 영점 }, when: w == true, effect: { kind: setDomain, domain: d2, points: 0 } }
  - { id: hold, label: { ko: 유보 }, when: a > 95, effect: { kind: withhold } }
`;
const rel = rubricFrom(REL);
const all = rubricFrom(ALL_METHODS_RUBRIC);
const num = fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), { nil: null, freq: 4 });
test.prop([fc.array(fc.record({ region: fc.constantFrom('서울', '부산', null), kind: fc.constantFrom('x', 'y', 'z'), a: num, b: num, c: num, s: fc.option(fc.boolean(), { nil: null }), w: fc.option(fc.boolean(), { nil: null }) }), { maxLength: 40 })], { numRuns: 300 })('random relative/quota data', (rows) => {
  const records = rows.map((v, i) => record(String(i).padStart(3, '0'), v as never, i + 1));
  expect(gradeInstitutions(rel, records, { asOf })).toEqual(oracle(rel, records, { asOf }));
});
test.prop([fc.array(fc.record({ region: fc.constantFrom('서울', '부산', null), x: num, base: num, y: num, lvl: fc.constantFrom('우수', '양호', '보통', '없음', null), turnover: num, users: num, ret: num }), { maxLength: 30 })], { numRuns: 300 })('random all-methods data', (rows) => {
  const records = rows.map((v, i) => record(String(i % 25).padStart(3, '0') + (i >= 25 ? 'b' : ''), v as never, i + 1));
  expect(gradeInstitutions(all, records, { asOf })).toEqual(oracle(all, records, { asOf }));
});
