import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { compareCycles, rubricWarnings } from '../../src/core/compare.js';
import { compareDocument, CompareDocumentSchema } from '../../src/report/compare-document.js';
import { compareRenderers } from '../../src/report/compare-renderers.js';
import { BEFORE_ROWS, fixtureDocument } from '../helpers/report-fixture.js';
import { readWorkbook, rowValues } from '../helpers/workbook-readback.js';

const before = fixtureDocument({ rows: BEFORE_ROWS }).doc;
const after = fixtureDocument().doc;
const doc = compareDocument(
  { file: 'cycle-2024.json', doc: { ...before, asOf: '2024-03-31' } },
  { file: 'cycle-2025.json', doc: after },
  compareCycles(before, after),
  rubricWarnings(before.rubric, after.rubric),
  '0.1.0',
);
const plain = new Chalk({ level: 0 });
const render = (format: string, lang: 'ko' | 'en' = 'ko') => compareRenderers[format]!(doc, { lang, color: plain });

describe('compare reports', () => {
  test('the document matches its schema and records both cycles', () => {
    expect(CompareDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.before).toEqual({ file: 'cycle-2024.json', rubric: { id: 'mini-facility', version: '2025', sha256: before.rubric.sha256 }, asOf: '2024-03-31', inputs: before.inputs });
    expect(doc.warnings).toEqual([]);
  });

  test('json is the document', async () => {
    expect(JSON.parse(String(await render('json')))).toEqual(doc);
  });

  test('the table: title, movement counts, a row per institution with signed changes, improvers and decliners', async () => {
    const lines = String(await render('table')).split('\n');
    expect(lines[0]).toBe('평가 결과 비교: mini-facility@2025 (2024-03-31, cycle-2024.json) → mini-facility@2025 (2025-03-31, cycle-2025.json)');
    expect(lines[1]).toBe('등급 변동: 상승 1 · 하락 2 · 유지 1 · 신규 1 · 제외 1 · 비교 불가 1');
    const row = (id: string) => lines.find((line) => line.includes(`  ${id}  `))!.split(/\s{2,}/);
    expect(row('0102')).toEqual(['상승', '0102', '푸른장애인복지관', 'F', 'D', '48.00', '66.00', '+18.00', '5', '4', '+1', '+8.00', '0.00', '+10.00']);
    expect(row('0204')).toEqual(['하락', '0204', '새싹아동센터', 'A', 'D', '100.00', '70.00', '-30.00', '1', '3', '-2', '0.00', '-30.00', '0.00']);
    expect(row('0407')).toEqual(['제외', '0407', '늘봄요양원', 'F', '-', '48.00', '-', '-', '5', '-', '-', '-', '-', '-']);
    const tail = lines.slice(lines.indexOf('개선 상위 기관 (비교 가능한 5곳 중 개선도 상위 3% = 1곳)'));
    expect(tail.slice(0, 5)).toEqual([
      '개선 상위 기관 (비교 가능한 5곳 중 개선도 상위 3% = 1곳)',
      '  0102 푸른장애인복지관  48.00 → 66.00 (+18.00)',
      '',
      '하락 상위 기관 (상위 1곳)',
      '  0204 새싹아동센터  100.00 → 70.00 (-30.00)',
    ]);
  });

  test('the table in English', async () => {
    const text = String(await render('table', 'en'));
    expect(text).toContain('Grade movement: up 1 · down 2 · same 1 · new 1 · gone 1 · ungraded 1');
    expect(text).toContain('Top improvers (top 3% of 5 comparable = 1)');
    expect(text.split('\n')[3]).toMatch(/^Movement\s+ID\s+Name\s+Grade before\s+Grade after\s+Total before\s+Total after\s+Total change/);
  });

  test('csv: BOM, Korean headers, numbers as numbers and blanks for missing', async () => {
    const csv = String(await render('csv'));
    expect(csv.startsWith('\uFEFF등급 변동,기관코드,기관명,이전 등급,이후 등급,이전 총점,이후 총점,총점 증감,이전 순위,이후 순위,순위 변동,서비스 증감,이용자 권리 증감,시설 운영 증감\r\n')).toBe(true);
    expect(csv).toContain('\r\n하락,0204,새싹아동센터,A,D,100,70,-30,1,3,-2,0,-30,0\r\n');
    expect(csv).toContain('\r\n신규,0306,다온노인복지관,,F,,46.7,,,5,,,,\r\n');
  });

  test('xlsx: summary, comparison, improvers and decliners; signed change formats and grade fills', async () => {
    const workbook = await readWorkbook((await render('xlsx')) as Uint8Array);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['요약', '비교', '개선 상위', '하락 상위']);
    const sheet = workbook.getWorksheet('비교')!;
    expect(sheet.rowCount).toBe(8);
    expect(rowValues(sheet, 5)).toEqual(['상승', '0102', '푸른장애인복지관', 'F', 'D', 48, 66, 18, 5, 4, 1, 8, 0, 10]);
    const row = sheet.getRow(5);
    expect(row.getCell(2).numFmt).toBe('@');
    expect(row.getCell(8).numFmt).toBe('+0.00;-0.00;0.00');
    expect(row.getCell(11).numFmt).toBe('+0;-0;0');
    expect((row.getCell(5).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFCE4D6'); // D
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:N8');
    expect(rowValues(workbook.getWorksheet('개선 상위')!, 2).slice(0, 3)).toEqual(['상승', '0102', '푸른장애인복지관']);
    const summary = workbook.getWorksheet('요약')!;
    expect(rowValues(summary, 3)).toEqual(['기준일', new Date(Date.UTC(2024, 2, 31))]);
    expect(rowValues(summary, 9)).toEqual(['개선 상위 기관 (비교 가능한 5곳 중 개선도 상위 3% = 1곳)', '0102 푸른장애인복지관']);
  });
});
