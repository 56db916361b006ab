import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { explainedResults, gradeTable, rankedResults } from '../../src/core/engine.js';
import { RecordValues } from '../../src/core/record-values.js';
import type { FieldValue } from '../../src/core/values.js';
import { record, rubricFrom } from '../helpers/rubric.js';
import { ALL_METHODS_RUBRIC } from '../helpers/rubrics.js';

const asOf = { year: 2024, month: 12, day: 31 };

describe('RecordValues', () => {
  it.each<[string, FieldValue[]]>([
    ['numbers, with missing ones', [1.5, null, -0, 100, 0]],
    ['text', ['서울', null, '부산']],
    ['numbers, then text: the column turns into a plain list', [3, null, 'n/a', 7]],
    ['dates and booleans', [{ year: 2024, month: 2, day: 29 }, true, false, null]],
    ['only missing', [null, null]],
  ])('%s read back as added', (_, column) => {
    const values = new RecordValues(['x']);
    for (const value of column) values.add(new Map([['x', value]]));
    expect(column.map((_, i) => values.valuesAt(i).get('x') ?? null)).toEqual(column);
  });

  it('keeps only the fields it was given; a field a record lacks reads back as missing', () => {
    const values = new RecordValues(['a', 'b']);
    values.add(new Map<string, FieldValue>([['a', 1], ['c', 'dropped']]));
    values.add(new Map<string, FieldValue>([['b', 'here']]));
    expect([...values.valuesAt(0)]).toEqual([['a', 1]]);
    expect([...values.valuesAt(1)]).toEqual([['b', 'here']]);
  });
});

describe('rankedResults', () => {
  const rubric = rubricFrom(ALL_METHODS_RUBRIC);
  const number = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 5 });
  const rows = fc.array(
    fc.record({ region: fc.constantFrom('서울', '부산', null), x: number, base: number, y: number, lvl: fc.constantFrom('우수', '양호', '없음', null), turnover: number, users: number, ret: number }),
    { maxLength: 25 },
  );

  test.prop([rows])('built from the kept values, one at a time, equal the results built from the records', (rowValues) => {
    const records = rowValues.map((v, i) => record(String(i).padStart(3, '0'), v, i + 1));
    const table = gradeTable(rubric, records, { asOf });
    const values = new RecordValues([...rubric.fields.keys()]);
    for (const r of records) values.add(r.values);
    const ranked = rankedResults(rubric, table, (index) => values.valuesAt(index), asOf);
    expect(ranked.count).toBe(records.length);
    expect(Array.from({ length: ranked.count }, (_, k) => ranked.explained(k))).toEqual(explainedResults(rubric, records, table, asOf));
    expect(Array.from({ length: ranked.count }, (_, k) => ranked.summary(k))).toEqual(Array.from(table.order, (index) => table.summary(index)));
  });
});
