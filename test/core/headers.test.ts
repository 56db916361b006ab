import { describe, expect, test } from 'vitest';
import { buildHeaderIndex, columnLetter, headerKey, headerScore, matchHeader, planHeaders } from '../../src/core/headers.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';

const fields = ingestRubric().rubric.fields;
const index = buildHeaderIndex(fields);
const plan = (cells: string[], layout: 'wide' | 'long' | 'auto' = 'auto') =>
  planHeaders(cells, { fields, idField: 'id', layout, at: { file: 'a.csv', line: 1 } });

describe('matchHeader', () => {
  test.each([
    ['기관코드', 'id'],
    ['id', 'id'],
    ['Institution ID', 'id'],
    ['INSTITUTION  id', 'id'],
    ['  기관 코드  ', 'id'],
    ['기관\n코드', 'id'],
    ['기관\r\n번호', 'id'],
    ['ｓａｔｉｓｆａｃｔｉｏｎ', 'satisfaction'],
    ['시·도', 'region'],
    ['시ㆍ도', 'region'],
    ['시도', 'region'],
    ['이용자 수(명)', 'users'],
    ['만족도 (%)', 'satisfaction'],
    ['예산(천원)', 'budget'],
    ['returning_users', 'returning_users'],
    ['Returning users', 'returning_users'],
  ])('"%s" names %s', (header, field) => {
    expect(matchHeader(header, index)).toBe(field);
  });

  test.each(['', '비고', '기관', '이용자'])('"%s" names no field', (header) => {
    expect(matchHeader(header, index)).toBeUndefined();
  });

  test('keys drop case, spaces, line breaks, underscores and middle dots', () => {
    expect(headerKey(' Service_Type\n')).toBe('servicetype');
    expect(headerKey('시·도')).toBe('시도');
  });

  test('column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('a header row names more fields than a title row', () => {
    expect(headerScore(['2024년 사회서비스 제공기관 실적', '', ''], index)).toBe(0);
    expect(headerScore(['기관코드', '기관명', '이용자 수', '비고'], index)).toBe(3);
  });
});

describe('planHeaders', () => {
  test('a complete wide header maps every column and notes the optional fields left out', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '이용자 수', '재이용자 수']);
    expect(p?.layout).toBe('wide');
    expect([...p!.fieldColumns]).toEqual([['id', 0], ['name', 1], ['users', 2], ['returning_users', 3]]);
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['HEADER_OPTIONAL_MISSING', 'info']]);
    expect(problems[0]!.args.columns).toContain('만족도(satisfaction)');
  });

  test('every missing required column is listed in one error, and no plan is made', () => {
    const { plan: p, problems } = plan(['시도', '만족도']);
    expect(p).toBeUndefined();
    const missing = problems.filter((x) => x.code === 'HEADER_MISSING_REQUIRED');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.args).toEqual({ columns: '기관코드(id), 기관명(name), 이용자 수(users)', count: 3 });
    expect(missing[0]!.position).toEqual({ file: 'a.csv', line: 1 });
  });

  test('unknown columns are warnings with their column', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '비고', '이용자 수']);
    expect(p).toBeDefined();
    const unknown = problems.find((x) => x.code === 'HEADER_UNKNOWN')!;
    expect(unknown.severity).toBe('warning');
    expect(unknown.position).toEqual({ file: 'a.csv', line: 1, column: 'C', header: '비고' });
    expect(unknown.value).toBe('비고');
  });

  test('two columns for one field are an error at the second, naming the first', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '이용자 수', 'users']);
    expect(p).toBeUndefined();
    const duplicate = problems.find((x) => x.code === 'HEADER_DUPLICATE')!;
    expect(duplicate.severity).toBe('error');
    expect(duplicate.position.column).toBe('D');
    expect(duplicate.args).toEqual({ first: 'C', firstHeader: '이용자 수' });
  });

  test('id, indicator and value columns make a long layout', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '지표', '값']);
    expect(p).toMatchObject({ layout: 'long', keyColumn: 2, valueColumn: 3 });
    expect(problems).toEqual([]);
  });

  test('--layout long without indicator and value columns names them as missing', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '이용자 수'], 'long');
    expect(p).toBeUndefined();
    expect(problems.find((x) => x.code === 'HEADER_MISSING_REQUIRED')!.args.count).toBe(2);
  });

  test('--layout wide reads indicator and value columns as unknown', () => {
    const { plan: p, problems } = plan(['기관코드', '기관명', '이용자 수', '지표', '값'], 'wide');
    expect(p?.layout).toBe('wide');
    expect(problems.filter((x) => x.code === 'HEADER_UNKNOWN').map((x) => x.position.column)).toEqual(['D', 'E']);
  });
});
