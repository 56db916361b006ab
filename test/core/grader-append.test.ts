import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Grader, type GradedTable, type PartShift } from '../../src/core/grader.js';
import type { InstitutionRecord } from '../../src/core/records.js';
import type { FieldValue } from '../../src/core/values.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { bundledRubric, readFixture } from '../fixtures/read-fixture.js';
import { record, rubricFrom } from '../helpers/rubric.js';
import { ALL_METHODS_RUBRIC } from '../helpers/rubrics.js';

const asOf = { year: 2024, month: 12, day: 31 };

/** Everything a graded table tells, in ranked order: results with their sources, problems, counts. */
function told(table: GradedTable) {
  const rows = table.rows;
  const lines = Array.from({ length: rows.count }, (_, p) => [rows.rank(p), rows.id(p), rows.name(p), rows.group(p, 0), rows.groupRank(p, 0), rows.groupSize(p, 0), rows.total(p), rows.grade(p), rows.coverage(p)]);
  return { results: Array.from(table.order, (index) => table.summary(index)), lines, problems: table.problems, byGrade: [...table.byGrade], graded: table.graded };
}

/**
 * Grades the records with one grader, and again with the first `at` records in one grader and the rest in another
 * that numbers their rows and lines from 1 (as the thread reading a file's second half does), its part sent through
 * a structured clone as a worker's message is, and appended to the first.
 */
function gradedBothWays(rubric: CompiledRubric, records: readonly InstitutionRecord[], at: number, excluded = new Set<string>()) {
  const whole = new Grader(rubric, { asOf });
  records.forEach((r) => whole.add(r));
  const first = new Grader(rubric, { asOf });
  const second = new Grader(rubric, { asOf });
  const shift: PartShift = { row: at, line: (records[at - 1]?.source.line ?? 1) };
  records.slice(0, at).forEach((r) => first.add(r));
  records.slice(at).forEach((r) => second.add({ ...r, source: { ...r.source, row: r.source.row - shift.row, line: r.source.line - shift.line } }));
  first.append(structuredClone(second.part()), shift);
  return { whole: told(whole.finish(excluded)), joined: told(first.finish(excluded)) };
}

describe('Grader.append', () => {
  const rubric = rubricFrom(ALL_METHODS_RUBRIC);
  const number = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 5 });
  const values = fc.record({
    region: fc.constantFrom('서울', '부산', '제주', null),
    x: number,
    base: number,
    y: number,
    lvl: fc.constantFrom('우수', '양호', '없음', null),
    turnover: number,
    users: number,
    ret: number,
    sanction: fc.boolean(),
    probe: fc.constantFrom(true, false, null),
    late: fc.constantFrom(true, false, 'yes'),
  });

  test.prop([fc.array(values, { maxLength: 30 }), fc.nat(30), fc.integer({ min: 0, max: 5 })])(
    'gives what one grader gives: ranks, groups, limiters, withheld results, problems at their lines',
    (rows, cut, gap) => {
      // lines run ahead of rows by `gap` after the first record, as blank or multi-line rows above would make them
      const records = rows.map((v, i) => {
        const r = record(String(i % 7 === 3 ? 2 : i).padStart(3, '0') + (i % 7 === 3 ? `-${i}` : ''), v as Record<string, FieldValue>, i + 1);
        return i === 0 ? r : { ...r, source: { ...r.source, line: r.source.line + gap } };
      });
      const at = Math.min(cut, records.length);
      const { whole, joined } = gradedBothWays(rubric, records, at);
      expect(joined).toEqual(whole);
    },
  );

  test('the part is taken when the first grader has no records, and institutions found invalid later are left out', () => {
    const records = ['b', 'a', 'c'].map((id, i) => record(id, { region: '서울', x: 70 + i, y: 10 * i, users: 100, ret: 80 }, i + 1));
    const { whole, joined } = gradedBothWays(rubric, records, 0, new Set(['a']));
    expect(joined).toEqual(whole);
    expect(joined.results.map((r) => r.id)).toEqual(['c', 'b']);
  });
});

describe('Grader.append with relative indicators (percentile within the service type)', async () => {
  const rubric = bundledRubric('ltc-relative-2024.yaml');
  const { records } = await readFixture('ltc-2024.csv', rubric);

  test.prop([fc.nat(records.length)], { numRuns: 20 })('gives what one grader gives, peers compared across both parts', (at) => {
    const { whole, joined } = gradedBothWays(rubric, records, at);
    expect(joined).toEqual(whole);
    expect(whole.results.length).toBe(records.length);
  });
});
