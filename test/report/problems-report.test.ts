import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import type { ProblemTally } from '../../src/core/problem-log.js';
import { problem, type Problem } from '../../src/core/problems.js';
import { renderProblemsCsv, renderProblemsJson, renderProblemsTable } from '../../src/report/problems-report.js';
import { ValidationDocumentSchema } from '../../src/report/validation-document-schema.js';
import type { ValidationContext } from '../../src/report/validation-document.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';

const noColor = new Chalk({ level: 0 });
const PROBLEMS: Problem[] = [
  problem('FILE_NOT_FOUND', 'error', { file: 'missing.csv' }),
  problem('NUMBER_HAS_UNIT', 'error', { file: 'seoul.csv', row: 1, line: 2, column: 'E', header: '이용자 수', field: 'users', institution: '00101' }, { unit: '명' }, '85명'),
  problem('HEADER_UNKNOWN', 'warning', { file: 'seoul.csv', line: 1, column: 'L', header: '비고' }, {}, '비고'),
  problem('CELL_FORMULA_NO_RESULT', 'error', { file: 'busan.xlsx', sheet: '자료', row: 3, line: 4, column: 'F', header: '만족도', field: 'satisfaction', institution: '00201' }, {}, '=AVERAGE(H4:J4)'),
];
const tally = (overrides: Partial<ProblemTally> = {}): ProblemTally => ({
  errors: 3,
  warnings: 1,
  infos: 0,
  byCode: { FILE_NOT_FOUND: 1, NUMBER_HAS_UNIT: 1, HEADER_UNKNOWN: 1, CELL_FORMULA_NO_RESULT: 1 },
  limit: 1000,
  truncated: false,
  ...overrides,
});
const context = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
  toolVersion: '9.9.9',
  rubric: ingestRubric(),
  asOf: { year: 2024, month: 12, day: 31 },
  inputs: [
    { path: 'seoul.csv', sha256: 'a'.repeat(64), format: 'csv', records: 12, encoding: 'cp949', delimiter: ',' },
    { path: 'busan.xlsx', sha256: 'b'.repeat(64), format: 'xlsx', records: 8, sheet: '자료' },
  ],
  records: 20,
  invalidInstitutions: 2,
  problems: PROBLEMS,
  tally: tally(),
  strict: false,
  lang: 'ko',
  ...overrides,
});

describe('table', () => {
  test('inputs, problems grouped by file in reading order, counts by code and the verdict', () => {
    const text = renderProblemsTable(context(), noColor);
    const lines = text.split('\n');
    expect(lines[0]).toBe('자료 검증 — 평가 기준 ingest-test 1, 기준일 2024-12-31');
    expect(lines[1]).toBe('  seoul.csv: CSV (CP949, 구분 기호 쉼표), 기관 12곳');
    expect(lines[2]).toBe('  busan.xlsx: Excel 시트 "자료", 기관 8곳');
    const headings = lines.filter((l) => /^\S/.test(l) && !l.startsWith('자료 검증') && !l.startsWith('요약') && !l.startsWith('결과'));
    expect(headings).toEqual(['missing.csv', 'seoul.csv', 'busan.xlsx']);
    expect(text).toContain('  오류 NUMBER_HAS_UNIT seoul.csv:2 (1번째 자료, E열 "이용자 수", 기관 00101, 필드 users): 숫자 뒤에 단위 "명"이(가) 붙어 있습니다. 숫자만 적으세요 [값: "85명"]');
    expect(text).toContain('busan.xlsx:4 시트 "자료" (3번째 자료, F열 "만족도"');
    expect(text).toContain('요약: 오류 3건, 경고 1건, 안내 0건 · 기관 20곳을 읽었고 그중 2곳에 오류가 있습니다');
    expect(text).toMatch(/CELL_FORMULA_NO_RESULT\s+1\n/);
    expect(text).not.toContain('멈췄습니다');
    expect(lines.at(-2)).toBe('결과: 오류가 있습니다. 표시된 위치의 값을 고친 뒤 다시 실행하세요.');
  });

  test('says when the list stopped at --max-errors and how many were seen', () => {
    const text = renderProblemsTable(context({ lang: 'en', tally: tally({ errors: 1532, warnings: 7, limit: 2, truncated: true }) }), noColor);
    expect(text).toContain('stopped listing after 2 errors (4 shown); saw 1532 errors and 7 warnings in all. Use --max-errors 0 to list them all');
  });

  test('verdicts: valid, and warnings under --strict', () => {
    const clean = context({ problems: [], tally: tally({ errors: 0, warnings: 0, byCode: {} }) });
    expect(renderProblemsTable(clean, noColor)).toContain('문제가 없습니다.\n');
    expect(renderProblemsTable(clean, noColor).trimEnd().split('\n').at(-1)).toBe('결과: 자료가 유효합니다.');
    const warned = context({ problems: [PROBLEMS[2]!], tally: tally({ errors: 0, warnings: 1, byCode: { HEADER_UNKNOWN: 1 } }) });
    expect(renderProblemsTable(warned, noColor).trimEnd().split('\n').at(-1)).toBe('결과: 자료가 유효합니다.');
    expect(renderProblemsTable({ ...warned, strict: true }, noColor).trimEnd().split('\n').at(-1)).toBe('결과: 경고가 있어 통과하지 못했습니다 (--strict).');
  });
});

describe('json', () => {
  test('a versioned document that its schema accepts, messages in the chosen language', () => {
    const doc = ValidationDocumentSchema.parse(JSON.parse(renderProblemsJson(context({ lang: 'en' }))));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'sseval', version: '9.9.9' });
    expect(doc.rubric).toMatchObject({ id: 'ingest-test', version: '1', file: expect.stringContaining('ingest-test.yaml') });
    expect(doc.summary).toEqual({
      valid: false,
      strict: false,
      records: 20,
      invalidInstitutions: 2,
      errors: 3,
      warnings: 1,
      infos: 0,
      byCode: { FILE_NOT_FOUND: 1, NUMBER_HAS_UNIT: 1, HEADER_UNKNOWN: 1, CELL_FORMULA_NO_RESULT: 1 },
      listed: 4,
      maxErrors: 1000,
      truncated: false,
    });
    expect(doc.problems[1]).toEqual({
      code: 'NUMBER_HAS_UNIT',
      severity: 'error',
      message: 'the number carries the unit "명"; write the number alone',
      position: { file: 'seoul.csv', row: 1, line: 2, column: 'E', header: '이용자 수', field: 'users', institution: '00101' },
      value: '85명',
      args: { unit: '명' },
    });
  });
});

describe('csv', () => {
  test('UTF-8 with BOM and CRLF, one row per problem, formula-like values escaped', () => {
    const text = renderProblemsCsv(context({ lang: 'en' }));
    expect(text.startsWith('\uFEFFSeverity,Code,File,Sheet,Line,Data row,Column,Header,Field,Institution,Value,Message,Where\r\n')).toBe(true);
    const rows = text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toContain("error,CELL_FORMULA_NO_RESULT,busan.xlsx,자료,4,3,F,만족도,satisfaction,00201,'=AVERAGE(H4:J4),");
  });
});
