import { describe, expect, test } from 'vitest';
import type { RawValue } from '../../src/core/parse/raw.js';
import type { Problem } from '../../src/core/problems.js';
import { DataValidator, HEADER_SEARCH_ROWS, recordSpecOf, type TableSource, type Validation } from '../../src/core/validate.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';

const rubric = ingestRubric();
const spec = recordSpecOf(rubric);
const asOf = { year: 2024, month: 12, day: 31 };

type Cells = (RawValue | undefined)[];
interface Table {
  readonly source?: Partial<TableSource>;
  readonly rows: Cells[];
}

/** Runs tables through one validator; rows are numbered from line 1. */
function validate(tables: Table[], options: { layout?: 'wide' | 'long' | 'auto'; maxErrors?: number } = {}): Validation {
  const validator = new DataValidator(spec, { asOf, layout: options.layout ?? 'auto', ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }) });
  for (const table of tables) {
    const reader = validator.openTable({ file: 'a.csv', date1904: false, fixedWidth: false, ...table.source });
    table.rows.forEach((cells, i) => reader.push({ line: i + 1, cells }));
    reader.end();
  }
  return validator.result();
}

const HEADER = ['기관코드', '기관명', '시도', '이용자 수', '재이용자 수', '만족도', '개원일', '품질인증', '리더십 평정'];
const GOOD: Cells[] = [
  ['00101', '행복노인복지관', '서울', '1,200', '780', '91.5%', '2019.03.02', '예', '우수'],
  ['00102', '바다돌봄센터', '부산', '640', '256', '78', '2023-07-15', 'N', '보통'],
];
const codes = (problems: readonly Problem[]) => problems.map((p) => p.code);
const only = (v: Validation, code: string) => {
  const found = v.problems.filter((p) => p.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(v.problems))}`).toHaveLength(1);
  return found[0]!;
};

describe('wide tables', () => {
  test('title rows are skipped, values typed, every field present, positions kept', () => {
    const v = validate([{ rows: [['2024년 제공기관 실적', undefined], [], HEADER, ...GOOD] }]);
    expect(codes(v.problems)).toEqual(['HEADER_OPTIONAL_MISSING']);
    expect(v.records).toHaveLength(2);
    const first = v.records[0]!;
    expect(first.id).toBe('00101');
    expect(first.name).toBe('행복노인복지관');
    expect(first.source).toEqual({ file: 'a.csv', row: 1, line: 4 });
    expect(Object.fromEntries(first.values)).toEqual({
      id: '00101',
      name: '행복노인복지관',
      region: '서울',
      service_type: null,
      users: 1200,
      returning_users: 780,
      satisfaction: 91.5,
      budget: null,
      opened_on: { year: 2019, month: 3, day: 2 },
      certified: true,
      leadership: '우수',
    });
    expect(v.records[1]!.values.get('certified')).toBe(false);
  });

  test('a bad cell is reported with file, row, line, column, header, field, institution and its text', () => {
    const v = validate([{ rows: [HEADER, ['00101', '행복노인복지관', '서울', '85명', '5', '', '', '', '']] }]);
    const p = only(v, 'NUMBER_HAS_UNIT');
    expect(p).toEqual({
      code: 'NUMBER_HAS_UNIT',
      severity: 'error',
      position: { file: 'a.csv', row: 1, line: 2, column: 'D', header: '이용자 수', field: 'users', institution: '00101' },
      args: { unit: '명' },
      value: '85명',
    });
    expect(v.records[0]!.values.get('users')).toBeNull();
    expect(v.invalidInstitutions.has('00101')).toBe(true);
    // users is already reported: the indicator that needs it does not report it again
    expect(codes(v.problems)).not.toContain('INDICATOR_VALUE_MISSING');
  });

  test.each<[string, Cells, string, Record<string, string | number>]>([
    ['above max', ['1', '가', '서울', '10', '5', '120', '', '', ''], 'VALUE_ABOVE_MAX', { max: 100 }],
    ['below min', ['1', '가', '서울', '-3', '', '', '', '', ''], 'VALUE_BELOW_MIN', { min: 0 }],
    ['level', ['1', '가', '서울', '10', '5', '', '', '', '최우수'], 'VALUE_NOT_ALLOWED', { allowed: '우수, 양호, 보통, 미흡, 부진' }],
    ['region', ['1', '가', '서울시', '10', '5', '', '', '', ''], 'VALUE_NOT_ALLOWED', { allowed: rubric.fields.get('region')!.values!.join(', ') }],
    ['date', ['1', '가', '서울', '10', '5', '', '2024-02-30', '', ''], 'DATE_IMPOSSIBLE', {}],
    ['boolean', ['1', '가', '서울', '10', '5', '', '', '모름', ''], 'BOOLEAN_INVALID', {}],
    ['required', ['1', '', '서울', '10', '5', '', '', '', ''], 'VALUE_REQUIRED', { label: '기관명' }],
  ])('%s', (_, row, code, args) => {
    const v = validate([{ rows: [HEADER, row] }]);
    const p = only(v, code);
    expect(p.severity).toBe('error');
    expect(p.args).toEqual(args);
    expect(p.position.institution).toBe('1');
  });

  test('a check that fails points at the first field it reads and shows the values', () => {
    const v = validate([{ rows: [HEADER, ['7', '가', '서울', '100', '120', '', '', '', '']] }]);
    const p = only(v, 'CHECK_FAILED');
    expect(p.position).toMatchObject({ column: 'E', field: 'returning_users', institution: '7', line: 2 });
    expect(p.value).toBe('120');
    expect(p.args).toMatchObject({ check: 'returning_le_users', values: 'returning_users=120, users=100' });
  });

  test('an indicator with missing: fail reports the blank field; a zero denominator is its own error', () => {
    const blank = validate([{ rows: [HEADER, ['7', '가', '서울', '100', '', '', '', '', '']] }]);
    expect(only(blank, 'INDICATOR_VALUE_MISSING')).toMatchObject({
      position: { field: 'returning_users', column: 'E', institution: '7' },
      args: { indicator: 'reuse', fields: 'returning_users' },
    });
    const zero = validate([{ rows: [HEADER, ['7', '가', '서울', '0', '0', '', '', '', '']] }]);
    expect(only(zero, 'INDICATOR_DIVISION_BY_ZERO').args).toMatchObject({ indicator: 'reuse', formula: 'returning_users / users * 100' });
  });

  test('duplicate ids are errors at the later row, across tables too, and both institutions are invalid', () => {
    const v = validate([
      { source: { file: 'seoul.csv' }, rows: [HEADER, GOOD[0]!] },
      { source: { file: 'busan.xlsx', sheet: '자료' }, rows: [HEADER, GOOD[1]!, GOOD[0]!] },
    ]);
    const p = only(v, 'ID_DUPLICATE');
    expect(p.position).toMatchObject({ file: 'busan.xlsx', sheet: '자료', line: 3, column: 'A', institution: '00101' });
    expect(p.args).toEqual({ firstFile: 'seoul.csv', firstLine: 2 });
    expect(v.records.map((r) => r.id)).toEqual(['00101', '00102']);
    expect([...v.invalidInstitutions]).toEqual(['00101']);
  });

  test('a row without an id is not read', () => {
    const v = validate([{ rows: [HEADER, ['', '무명기관', '서울', '10', '5', '', '', '', '']] }]);
    expect(only(v, 'ID_MISSING').position).toEqual({ file: 'a.csv', row: 1, line: 2, column: 'A', header: '기관코드', field: 'id' });
    expect(v.records).toEqual([]);
  });

  test('data ends at the first blank row; rows after it are reported, trailing blank rows are not', () => {
    const v = validate([{ rows: [HEADER, GOOD[0]!, ['', ''], GOOD[1]!, ['※ 작성 기준: 2024년 12월 말'], [], []] }]);
    expect(v.records.map((r) => r.id)).toEqual(['00101']);
    expect(only(v, 'ROWS_AFTER_BLANK')).toMatchObject({ severity: 'warning', position: { line: 4 }, args: { count: 2 } });
    const trailing = validate([{ rows: [HEADER, GOOD[0]!, [], ['', '  ']] }]);
    expect(codes(trailing.problems)).toEqual(['HEADER_OPTIONAL_MISSING']);
  });

  test('a repeated header row (a second header of field ids, or pasted files) is skipped with a note', () => {
    const ids = ['id', 'name', 'region', 'users', 'returning_users', 'satisfaction', 'opened_on', 'certified', 'leadership'];
    const v = validate([{ rows: [HEADER, ids, GOOD[0]!, HEADER, GOOD[1]!] }]);
    expect(v.records).toHaveLength(2);
    expect(v.problems.filter((p) => p.code === 'ROW_REPEATED_HEADER').map((p) => [p.severity, p.position.line])).toEqual([['info', 2], ['info', 4]]);
  });

  test('CSV rows must be as wide as the header; blank extra cells are fine', () => {
    const v = validate([{ source: { fixedWidth: true }, rows: [HEADER, ['1', '가', '서울', '10'], [...GOOD[0]!, '', ''], [...GOOD[1]!, 'x']] }]);
    expect(only(v, 'ROW_TOO_FEW_CELLS')).toMatchObject({ position: { line: 2, column: 'E', institution: '1' }, args: { expected: 9, actual: 4 } });
    expect(only(v, 'ROW_TOO_MANY_CELLS')).toMatchObject({ position: { line: 4, column: 'J' }, args: { expected: 9, actual: 10 }, value: 'x' });
  });

  test('values under a column without a header are reported once', () => {
    const v = validate([{ rows: [[...HEADER, ''], [...GOOD[0]!, '메모'], [...GOOD[1]!, '메모2']] }]);
    expect(only(v, 'COLUMN_WITHOUT_HEADER')).toMatchObject({ severity: 'warning', position: { column: 'J', line: 2 }, value: '메모' });
  });

  test('workbook cell faults are reported at their cell, never read as zero', () => {
    const v = validate([{ rows: [HEADER, ['1', '가', '서울', { fault: 'formulaNoResult', text: '=SUM(B2:B9)' }, '5', { fault: 'errorValue', text: '#DIV/0!' }, '', '', '']] }]);
    expect(only(v, 'CELL_FORMULA_NO_RESULT')).toMatchObject({ position: { column: 'D', field: 'users' }, value: '=SUM(B2:B9)' });
    expect(only(v, 'CELL_ERROR_VALUE')).toMatchObject({ position: { column: 'F', field: 'satisfaction' }, value: '#DIV/0!' });
    expect(v.records[0]!.values.get('users')).toBeNull();
  });

  test('garbled text (replacement characters) is an error at the cell', () => {
    const v = validate([{ rows: [HEADER, ['1', '\uFFFD\uFFFD복지관', '서울', '10', '5', '', '', '', '']] }]);
    expect(only(v, 'CELL_UNDECODABLE').position).toMatchObject({ column: 'B', field: 'name', institution: '1' });
  });

  test('no header row in the first rows', () => {
    const v = validate([{ rows: Array.from({ length: HEADER_SEARCH_ROWS + 5 }, (_, i) => [`메모 ${i}`]) }]);
    expect(only(v, 'HEADER_NOT_FOUND').args).toEqual({ rows: HEADER_SEARCH_ROWS, expected: '기관코드(id)' });
    expect(v.records).toEqual([]);
  });

  test('a header without data rows', () => {
    expect(codes(validate([{ rows: [HEADER] }]).problems)).toContain('TABLE_NO_RECORDS');
  });

  test('a table whose header has errors gives no records', () => {
    const v = validate([{ rows: [['기관코드', '이용자 수'], ['1', '10']] }]);
    expect(codes(v.problems)).toContain('HEADER_MISSING_REQUIRED');
    expect(v.records).toEqual([]);
  });
});

describe('long tables', () => {
  const LONG_HEADER = ['기관코드', '기관명', '시도', '지표', '값'];
  const longRows: Cells[] = [
    LONG_HEADER,
    ['00101', '행복노인복지관', '서울', 'users', '1,200'],
    ['00101', '행복노인복지관', '서울', '재이용자 수', '780'],
    ['00101', '행복노인복지관', '서울', 'satisfaction_score', '91.5%'],
    ['00101', '행복노인복지관', '서울', '개원일', '2019.03.02'],
    ['00101', '행복노인복지관', '서울', 'certified', '예'],
    ['00101', '행복노인복지관', '서울', 'leadership', '우수'],
    ['00102', '바다돌봄센터', '부산', 'users', '640'],
    ['00102', '바다돌봄센터', '부산', 'returning_users', '256'],
    ['00102', '바다돌봄센터', '부산', '만족도', '78'],
    ['00102', '바다돌봄센터', '부산', 'opened_on', '2023-07-15'],
    ['00102', '바다돌봄센터', '부산', '품질인증', 'N'],
    ['00102', '바다돌봄센터', '부산', '리더십 평정', '보통'],
  ];

  test('(institution, indicator or field, value) rows fold to the same records as the wide table', () => {
    const wide = validate([{ rows: [HEADER, ...GOOD] }]);
    const long = validate([{ rows: longRows }]);
    expect(codes(long.problems)).toEqual([]);
    expect(long.records.map((r) => [r.id, r.name, Object.fromEntries(r.values)])).toEqual(
      wide.records.map((r) => [r.id, r.name, Object.fromEntries(r.values)]),
    );
    expect(long.records[1]!.source).toEqual({ file: 'a.csv', row: 7, line: 8 });
  });

  test('unknown items, conflicting values and missing required values are reported', () => {
    const v = validate([
      {
        rows: [
          LONG_HEADER,
          ['1', '가', '서울', 'users', '10'],
          ['1', '가', '부산', '직원 수', '3'],
          ['1', '가', '서울', 'users', '12'],
          ['2', '', '서울', 'users', '5'],
        ],
      },
    ]);
    expect(only(v, 'LONG_UNKNOWN_ITEM')).toMatchObject({ position: { line: 3, column: 'D', institution: '1' }, value: '직원 수' });
    const conflicts = v.problems.filter((p) => p.code === 'LONG_CONFLICT');
    expect(conflicts.map((p) => [p.position.line, p.position.field, p.value, p.args.firstValue])).toEqual([
      [3, 'region', '부산', '서울'],
      [4, 'users', '12', '10'],
    ]);
    expect(only(v, 'VALUE_REQUIRED').position).toMatchObject({ institution: '2', field: 'name', line: 5 });
  });
});

describe('--max-errors', () => {
  test('keeps the first N errors, counts them all, and still knows every invalid institution', () => {
    const rows: Cells[] = [HEADER, ...Array.from({ length: 5 }, (_, i) => [`${i + 1}`, `기관${i}`, '서울', 'x', '1', '', '', '', ''])];
    const v = validate([{ rows }], { maxErrors: 2 });
    expect(v.problems.filter((p) => p.severity === 'error')).toHaveLength(2);
    expect(v.tally).toMatchObject({ errors: 5, limit: 2, truncated: true, byCode: { NUMBER_INVALID: 5, HEADER_OPTIONAL_MISSING: 1 } });
    expect([...v.invalidInstitutions]).toEqual(['1', '2', '3', '4', '5']);
  });
});
