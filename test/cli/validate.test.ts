import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ValidationDocumentSchema } from '../../src/report/validation-document-schema.js';
import { runCli } from '../helpers/cli.js';
import { INGEST_RUBRIC_FILE } from '../helpers/ingest-rubric.js';
import { tempDir, writeWorkbook } from '../helpers/xlsx.js';

const RUBRIC = ['--rubric', INGEST_RUBRIC_FILE, '--as-of', '2024-12-31'];
const validate = (args: string[], options: { input?: Buffer; env?: NodeJS.ProcessEnv } = {}) => runCli(['validate', ...args, ...RUBRIC], options);
const json = (stdout: string) => ValidationDocumentSchema.parse(JSON.parse(stdout));
const manifest = JSON.parse(readFileSync('fixtures/bad/manifest.json', 'utf8')) as { files: Record<string, { codes: string[]; exit: number; options?: { encoding?: string } }> };

describe('sseval validate', () => {
  test('valid data: the report on stdout, nothing on stderr, exit 0', () => {
    const run = validate(['test/fixtures/ingest/providers-cp949.csv']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('test/fixtures/ingest/providers-cp949.csv: CSV (CP949, 구분 기호 쉼표), 기관 3곳');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('결과: 자료가 유효합니다.');
  });

  test('the bundled management-evaluation data validates against its bundled rubric', () => {
    const run = runCli(['validate', 'fixtures/agencies-2024.csv', '--rubric', 'agency-management', '--as-of', '2024-12-31', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(json(run.stdout).summary).toMatchObject({ valid: true, records: 16, errors: 0 });
  });

  test.each(Object.entries(manifest.files))('bad input %s exits as the manifest says', (file, entry) => {
    const options = entry.options?.encoding === undefined ? [] : ['--encoding', entry.options.encoding];
    const run = validate([path.join('fixtures', 'bad', file), '--format', 'json', ...options]);
    expect(run.status).toBe(entry.exit);
    const doc = json(run.stdout);
    expect([...new Set(doc.problems.filter((p) => p.severity !== 'info').map((p) => p.code))].sort()).toEqual(entry.codes);
  });

  test('every problem carries its cell: file, row, line, column, header, field, institution and value', () => {
    const run = validate(['fixtures/bad/number-with-unit.csv', '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(json(run.stdout).problems).toEqual([
      {
        code: 'NUMBER_HAS_UNIT',
        severity: 'error',
        message: 'the number carries the unit "명"; write the number alone',
        position: { file: 'fixtures/bad/number-with-unit.csv', row: 1, line: 2, column: 'E', header: '이용자 수', field: 'users', institution: '00101' },
        value: '1200명',
        args: { unit: '명' },
      },
    ]);
  });

  test('--strict fails on warnings; without it warnings pass', () => {
    expect(validate(['fixtures/bad/unknown-column.csv']).status).toBe(0);
    const strict = validate(['fixtures/bad/unknown-column.csv', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('결과: 경고가 있어 통과하지 못했습니다 (--strict).');
  });

  test('--max-errors stops the list and says how many were seen', () => {
    const dir = tempDir();
    const file = path.join(dir, 'many.csv');
    writeFileSync(file, ['기관코드,기관명,이용자 수,재이용자 수', ...Array.from({ length: 25 }, (_, i) => `${1000 + i},기관${i},많음,1`)].join('\r\n'));
    const run = validate([file, '--max-errors', '5', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stdout.match(/^ {2}error NUMBER_INVALID/gm)).toHaveLength(5);
    expect(run.stdout).toContain('stopped listing after 5 errors (6 shown); saw 25 errors and 0 warnings in all.');
    expect(run.stdout).toMatch(/NUMBER_INVALID\s+25/);
    const doc = json(validate([file, '--max-errors', '5', '--format', 'json']).stdout);
    expect(doc.summary).toMatchObject({ errors: 25, listed: 6, maxErrors: 5, truncated: true, invalidInstitutions: 25 });
  });

  test('several files, CSV and xlsx, one of them unreadable: every file reported, exit 2', async () => {
    const dir = tempDir();
    const workbook = await writeWorkbook(dir, 'busan.xlsx', (wb) => {
      const ws = wb.addWorksheet('부산');
      ws.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수']);
      ws.addRow(['00201', '부산돌봄', 300, { formula: 'C2*0.4' }]);
    });
    const run = validate(['test/fixtures/ingest/providers-utf8.csv', workbook, 'fixtures/bad/old-format.xls', '--format', 'json']);
    expect(run.status).toBe(2);
    const doc = json(run.stdout);
    expect(doc.inputs.map((i) => [path.basename(i.path), i.format, i.records])).toEqual([
      ['providers-utf8.csv', 'csv', 3],
      ['busan.xlsx', 'xlsx', 1],
    ]);
    expect(doc.problems.filter((p) => p.severity === 'error').map((p) => [p.code, path.basename(p.position.file!), p.position.sheet ?? '', p.position.column ?? ''])).toEqual([
      ['CELL_FORMULA_NO_RESULT', 'busan.xlsx', '부산', 'D'],
      ['FILE_OLD_XLS', 'old-format.xls', '', ''],
    ]);
  });

  test('standard input, --delimiter, --sheet and --layout long', async () => {
    const stdin = validate(['-', '--format', 'json'], { input: readFileSync('test/fixtures/ingest/providers-cp949.csv') });
    expect(stdin.status).toBe(0);
    expect(json(stdin.stdout).inputs[0]).toMatchObject({ path: '-', encoding: 'cp949', records: 3 });

    const dir = tempDir();
    const piped = path.join(dir, 'piped.txt');
    writeFileSync(piped, '기관코드|기관명|이용자 수|재이용자 수\n00101|가|10|5\n');
    expect(json(validate([piped, '--delimiter', '|', '--format', 'json']).stdout).summary).toMatchObject({ valid: true, records: 1 });

    const workbook = await writeWorkbook(dir, 'long.xlsx', (wb) => {
      wb.addWorksheet('안내').addRow(['이 통합 문서는 지표별 실적입니다']);
      const ws = wb.addWorksheet('실적');
      ws.addRow(['기관코드', '기관명', '지표', '값']);
      ws.addRow(['00101', '가', 'users', 10]);
      ws.addRow(['00101', '가', 'returning_users', 5]);
    });
    const long = validate([workbook, '--sheet', '실적', '--layout', 'long', '--format', 'json']);
    expect(long.status).toBe(0);
    expect(json(long.stdout).inputs[0]).toMatchObject({ sheet: '실적', records: 1 });
    const missingSheet = validate([workbook, '--sheet', '대전']);
    expect(missingSheet.status).toBe(2);
    expect(missingSheet.stdout).toContain('시트 "대전"이(가) 없습니다. 있는 시트: 안내, 실적');
  });

  test('csv report: UTF-8 with BOM for Korean Excel', () => {
    const run = validate(['fixtures/bad/check-failed.csv', '--format', 'csv']);
    expect(run.status).toBe(1);
    expect(run.stdout.startsWith('\uFEFF구분,코드,파일,시트,줄,자료 행,열,열 제목,필드,기관,값,내용,위치\r\n')).toBe(true);
    expect(run.stdout).toContain('오류,CHECK_FAILED,fixtures/bad/check-failed.csv,,3,2,F,재이용자 수,returning_users,00102,700,');
  });

  test.each<[string, string[], string]>([
    ['unknown rubric', ['x.csv', '--rubric', 'no-such-rubric'], 'RUBRIC_NOT_FOUND'],
    ['bad --max-errors', ['x.csv', '--rubric', INGEST_RUBRIC_FILE, '--max-errors', 'many'], 'CLI_BAD_OPTION'],
    ['bad --encoding', ['x.csv', '--rubric', INGEST_RUBRIC_FILE, '--encoding', 'klingon'], 'CLI_BAD_OPTION'],
    ['bad --as-of', ['x.csv', '--rubric', INGEST_RUBRIC_FILE, '--as-of', '2024-02-30'], 'CLI_BAD_DATE'],
  ])('%s is a usage error (exit 2) on stderr', (_, args, code) => {
    const run = runCli(['validate', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(code);
  });

  test('a missing --rubric is a usage error', () => {
    const run = runCli(['validate', 'x.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--rubric <ref>' not specified");
  });
});
