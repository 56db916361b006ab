import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { recordSpecOf } from '../../src/core/validate.js';
import { readDataSet, type ReadOptions } from '../../src/ingest/read.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';
import { tempDir, writeWorkbook } from '../helpers/xlsx.js';

const spec = recordSpecOf(ingestRubric());
const asOf = { year: 2024, month: 12, day: 31 };
const dir = tempDir();
const read = (file: string, options: Partial<ReadOptions> = {}) => readDataSet([file], spec, { asOf, ...options });
const plain = (records: Awaited<ReturnType<typeof read>>['records']) => records.map((r) => ({ id: r.id, name: r.name, values: Object.fromEntries(r.values) }));
const codes = (data: Awaited<ReturnType<typeof read>>) => data.problems.filter((p) => p.severity !== 'info').map((p) => p.code);

const HEADER = ['기관코드', '기관명', '시도', '서비스유형', '이용자 수', '재이용자 수', '만족도', '예산(천원)', '개원일', '품질인증', '리더십 평정'];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The three providers of test/fixtures/ingest/providers-*.csv, typed the way people type them into Excel. */
function providersSheet(ws: ExcelJS.Worksheet, top = 1): void {
  ws.getRow(top).values = HEADER;
  ws.getRow(top + 1).values = ['00101', '행복노인복지관', '서울', '노인돌봄', 1200, 780, 0.915, 352000, utc(2019, 3, 2), '예', '우수'];
  ws.getRow(top + 2).values = ['00102', '바다돌봄센터', '부산', '장애인활동지원', 640, 256, 78, 128500, utc(2023, 7, 15), 'N', '보통'];
  ws.getRow(top + 3).values = ['00103', '똠방골재가센터', '광주', '노인돌봄', 415, 290, 88.2, 96000, utc(2018, 5, 1), 'O', '양호'];
  ws.getCell(`G${top + 1}`).numFmt = '0.0%';
  for (const r of [1, 2, 3]) ws.getCell(`I${top + r}`).numFmt = 'yyyy-mm-dd';
}

describe('reading xlsx', () => {
  test('a workbook gives the same records as the CSV of the same data', async () => {
    const file = await writeWorkbook(dir, 'providers.xlsx', (wb) => providersSheet(wb.addWorksheet('자료')));
    const [xlsx, csv] = await Promise.all([read(file), read('test/fixtures/ingest/providers-utf8.csv')]);
    expect(codes(xlsx)).toEqual([]);
    expect(plain(xlsx.records)).toEqual(plain(csv.records));
    expect(xlsx.inputs).toEqual([{ path: file, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), format: 'xlsx', records: 3, sheet: '자료' }]);
    expect(xlsx.records[0]!.source).toEqual({ file, sheet: '자료', row: 1, line: 2 });
  });

  test('the header is found below title rows and a merged title cell; data ends at the first blank row', async () => {
    const file = await writeWorkbook(dir, 'titled.xlsx', (wb) => {
      const ws = wb.addWorksheet('2024 실적');
      ws.mergeCells('A1:K1');
      ws.getCell('A1').value = '2024년 사회서비스 제공기관 실적';
      ws.getCell('A2').value = '(단위: 명, 천원)';
      providersSheet(ws, 4);
      ws.getCell('A9').value = '※ 작성 기준: 2024년 12월 31일';
      ws.getCell('A10').value = '합계';
      ws.getCell('E10').value = { formula: 'SUM(E5:E7)', result: 2255 };
    });
    const data = await read(file);
    expect(data.records.map((r) => [r.id, r.source.line, r.source.row])).toEqual([
      ['00101', 5, 1],
      ['00102', 6, 2],
      ['00103', 7, 3],
    ]);
    expect(data.problems.filter((p) => p.severity !== 'info')).toEqual([
      { code: 'ROWS_AFTER_BLANK', severity: 'warning', position: { file, sheet: '2024 실적', line: 9 }, args: { count: 2 } },
    ]);
  });

  test('formulas give their cached result; one without a result and error cells are problems at their cell, never 0', async () => {
    const file = await writeWorkbook(dir, 'formulas.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      ws.addRow(['기관코드', '기관명', '시도', '이용자 수', '재이용자 수', '만족도']);
      ws.addRow(['00101', '가', '서울', 1200, { formula: 'D2*0.65', result: 780 }, { formula: 'AVERAGE(H2:J2)', result: 91.5 }]);
      ws.addRow(['00102', '나', '부산', 640, { formula: 'D3*0.4' }, { error: '#DIV/0!' }]);
      ws.addRow(['00103', '다', '광주', { formula: 'VLOOKUP(A4,원본!A:D,4,0)', result: { error: '#N/A' } }, 10, 80]);
    });
    const data = await read(file);
    expect(plain(data.records).map((r) => [r.id, r.values.returning_users, r.values.satisfaction, r.values.users])).toEqual([
      ['00101', 780, 91.5, 1200],
      ['00102', null, null, 640],
      ['00103', 10, 80, null],
    ]);
    const at = (code: string) => data.problems.filter((p) => p.code === code).map((p) => [p.position.sheet, p.position.line, p.position.column, p.position.field, p.position.institution, p.value]);
    expect(at('CELL_FORMULA_NO_RESULT')).toEqual([['자료', 3, 'E', 'returning_users', '00102', '=D3*0.4']]);
    expect(at('CELL_ERROR_VALUE')).toEqual([
      ['자료', 3, 'F', 'satisfaction', '00102', '#DIV/0!'],
      ['자료', 4, 'D', 'users', '00103', '#N/A'],
    ]);
  });

  test('1904 date system: date cells and serial numbers in a date column', async () => {
    const file = await writeWorkbook(dir, 'mac.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('자료');
      ws.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수', '개원일']);
      ws.addRow(['00101', '가', 10, 5, utc(2019, 3, 2)]);
      ws.addRow(['00102', '나', 10, 5, 44078]);
      ws.getCell('E2').numFmt = 'yyyy-mm-dd';
    });
    const data = await read(file);
    expect(codes(data)).toEqual([]);
    expect(data.records.map((r) => r.values.get('opened_on'))).toEqual([
      { year: 2019, month: 3, day: 2 },
      { year: 2024, month: 9, day: 5 },
    ]);
  });

  test('rich text, hyperlinks, numbers stored as text, percent formats and zero-padded ids read as shown', async () => {
    const file = await writeWorkbook(dir, 'cells.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      ws.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수', '만족도', '예산']);
      ws.addRow([101, { richText: [{ text: '행복', font: { bold: true } }, { text: '노인복지관' }] }, '1,200', '780', 0.855, 0.5]);
      ws.addRow(['00102', { text: '바다돌봄센터', hyperlink: 'https://example.org' }, '64O', 10, '78%', 12]);
      ws.getCell('A2').numFmt = '00000';
      ws.getCell('E2').numFmt = '0.0%';
      ws.getCell('F2').numFmt = '0%';
    });
    const data = await read(file);
    expect(plain(data.records).map((r) => [r.id, r.name, r.values.users, r.values.returning_users, r.values.satisfaction])).toEqual([
      ['00101', '행복노인복지관', 1200, 780, 85.5],
      ['00102', '바다돌봄센터', null, 10, 78],
    ]);
    expect(data.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.position.column, p.value])).toEqual([
      ['NUMBER_PERCENT_SIGN', 'F', '50%'],
      ['NUMBER_HAS_UNIT', 'C', '64O'],
    ]);
  });

  test('merged cells down a column give each row the value shown', async () => {
    const file = await writeWorkbook(dir, 'merged.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      ws.addRow(['시도', '기관코드', '기관명', '이용자 수', '재이용자 수']);
      ws.addRow(['서울', '00101', '가', 10, 5]);
      ws.addRow([null, '00102', '나', 10, 5]);
      ws.mergeCells('A2:A3');
    });
    expect((await read(file)).records.map((r) => r.values.get('region'))).toEqual(['서울', '서울']);
  });
});

describe('choosing the sheet', () => {
  const workbook = () =>
    writeWorkbook(dir, 'sheets.xlsx', (wb) => {
      wb.addWorksheet('안내');
      const hidden = wb.addWorksheet('목록', { state: 'hidden' });
      hidden.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수']);
      hidden.addRow(['99999', '숨김', 1, 1]);
      const seoul = wb.addWorksheet('서울');
      seoul.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수']);
      seoul.addRow(['00101', '가', 10, 5]);
      const busan = wb.addWorksheet('부산 ');
      busan.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수']);
      busan.addRow(['00201', '나', 10, 5]);
    });

  test.each<[string | undefined, string]>([
    [undefined, '00101'],
    ['서울', '00101'],
    ['부산', '00201'],
    ['4', '00201'],
    ['2', '99999'],
  ])('--sheet %s', async (sheet, id) => {
    const data = await read(await workbook(), sheet === undefined ? {} : { sheet });
    expect(data.records.map((r) => r.id)).toEqual([id]);
  });

  test('a sheet that does not exist is a usage problem listing the sheets', async () => {
    const file = await workbook();
    const data = await read(file, { sheet: '대구' });
    expect(data.problems).toEqual([{ code: 'SHEET_NOT_FOUND', severity: 'error', position: { file }, args: { sheet: '대구', sheets: '안내, 목록, 서울, 부산 ' } }]);
  });

  test('a workbook without data', async () => {
    const file = await writeWorkbook(dir, 'blank.xlsx', (wb) => wb.addWorksheet('Sheet1'));
    expect(codes(await read(file))).toEqual(['WORKBOOK_EMPTY']);
  });
});

describe('refusing workbooks before parsing', () => {
  test('a workbook that expands beyond the limit is refused with its size', async () => {
    const file = await writeWorkbook(dir, 'bomb.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      for (let r = 0; r < 3000; r += 1) ws.addRow([`기관 ${r}`, r]);
    });
    const data = await read(file, { maxUncompressedBytes: 100 * 1024 });
    expect(data.problems).toEqual([{ code: 'XLSX_TOO_LARGE', severity: 'error', position: { file }, args: { size: expect.any(Number), limit: 0.1 } }]);
    expect(data.problems[0]!.args.size).toBeGreaterThan(0.1);
  });

  test('a workbook named .csv is read as a workbook, with a warning', async () => {
    const xlsx = await writeWorkbook(dir, 'real.xlsx', (wb) => providersSheet(wb.addWorksheet('자료')));
    const misnamed = path.join(dir, 'real.csv');
    copyFileSync(xlsx, misnamed);
    const data = await read(misnamed);
    expect(data.records).toHaveLength(3);
    expect(codes(data)).toEqual(['FILE_EXTENSION_MISMATCH']);
  });
});
