import { ValueType } from 'exceljs';
import { describe, expect, test } from 'vitest';
import { explainedResults, gradeTable, listedResults, rankedResults, type RankedResults } from '../../src/core/engine.js';
import { RecordValues } from '../../src/core/record-values.js';
import { findingReason } from '../../src/messages/explain.js';
import { gradeDocument } from '../../src/report/grade-document.js';
import { gradeXlsxPieces, type GradeXlsxContext } from '../../src/report/grade-xlsx.js';
import type { GradeDocument } from '../../src/report/grade-document.js';
import { MEASURED_ROWS } from '../../src/report/xlsx-table.js';
import { FIXTURE_PROBLEMS, FIXTURE_ROWS, fixtureDocument, fixtureRecords } from '../helpers/report-fixture.js';
import { hasLibreOffice, libreOfficeSheets, readWorkbook, rowValues } from '../helpers/workbook-readback.js';

/** The result workbook's bytes; by default of the document's own results, which carry their findings. */
async function workbookBytes(document: GradeDocument, context: GradeXlsxContext, rowsPerSheet?: number, results: RankedResults = listedResults(document.results)): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of gradeXlsxPieces(document, results, context, rowsPerSheet)) pieces.push(piece);
  return Buffer.concat(pieces);
}

const { doc, rubric } = fixtureDocument();
const render = (lang: 'ko' | 'en' = 'ko', problems = FIXTURE_PROBLEMS, rowsPerSheet?: number) =>
  workbookBytes(doc, { rubric, lang, problems }, rowsPerSheet);

describe('the result workbook', () => {
  test('sheets: summary, ranking, indicators, one ranking per peer group, validation; names follow --lang', async () => {
    expect((await readWorkbook(await render('ko'))).worksheets.map((s) => s.name)).toEqual(['요약', '순위', '지표', '노인', '아동', '장애인', '검증']);
    expect((await readWorkbook(await render('en'))).worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Ranking',
      'Indicators',
      '노인',
      '아동',
      '장애인',
      'Validation',
    ]);
  });

  test('no validation sheet without problems', async () => {
    expect((await readWorkbook(await render('ko', []))).getWorksheet('검증')).toBeUndefined();
  });

  test('the ranking: one row per institution in rank order, withheld last, with typed cells', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('순위')!;
    expect(rowValues(sheet, 1)).toEqual([
      '순위', '기관코드', '기관명', '시설유형', '시설유형 내 순위', '서비스(40)', '이용자 권리(30)', '시설 운영(30)', '총점(100)',
      '등급', '점수 등급', '상태', '자료 비율(%)', '제한 규칙', '보류 사유', '후속 조치',
    ]);
    expect(sheet.rowCount).toBe(7);
    expect(rowValues(sheet, 2)).toEqual([1, '0101', '행복노인복지관', '노인', 1, 36, 30, 30, 96, 'A', 'A', '판정', 1, undefined, undefined, '우수기관 포상']);
    // capped by the abuse limiter: earned C, graded D, and the rights domain set to 0
    expect(rowValues(sheet, 4).slice(0, 13)).toEqual([3, '0204', '새싹아동센터', '아동', 1, 40, 0, 30, 70, 'D', 'C', '판정', 1]);
    expect(String(sheet.getRow(4).getCell(14).value)).toContain('학대 처분');
    // satisfaction missing: care has no points (blank, not 0), coverage 60 %
    expect(rowValues(sheet, 6).slice(0, 13)).toEqual([5, '0306', '다온노인복지관', '노인', 3, undefined, 18, 10, 46.7, 'F', 'F', '판정', 0.6]);
    // withheld: no rank, no grade, the earned grade and why
    expect(rowValues(sheet, 7).slice(0, 15)).toEqual([undefined, '0305', '소망장애인복지관', '장애인', undefined, 20, 30, 30, 80, undefined, 'B', '보류', 1, '조사 중 (등급 보류)', '조사 중: 등급 보류']);
  });

  test('cell types and number formats: ids as text, points with fixed decimals, percents as percents', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('순위')!;
    const row = sheet.getRow(2);
    expect(row.getCell(2).type).toBe(ValueType.String);
    expect(row.getCell(2).numFmt).toBe('@');
    expect(row.getCell(1).numFmt).toBe('0');
    expect(row.getCell(6).type).toBe(ValueType.Number);
    expect(row.getCell(6).numFmt).toBe('0.00');
    expect(row.getCell(9).numFmt).toBe('0.0'); // the rubric rounds totals to 1 decimal
    expect(row.getCell(13).numFmt).toBe('0.0%');
  });

  test('grade cells are filled by their place in the grade order', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('순위')!;
    const fill = (row: number) => (sheet.getRow(row).getCell(10).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect([fill(2), fill(3), fill(5), fill(6)]).toEqual(['FFC6EFCE', 'FFFFEB9C', 'FFFCE4D6', 'FFFFC7CE']); // A, C, D, F
    expect(sheet.getRow(2).getCell(10).font).toMatchObject({ bold: true, color: { argb: 'FF006100' } });
  });

  test('frozen header (and id columns), autofilter, bold header', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('순위')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:P7');
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
  });

  test('column widths fit Korean text: two units per Hangul glyph', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('순위')!;
    // 푸른장애인복지관: 8 glyphs = 16 units, + 2 padding
    expect(sheet.getColumn(3).width).toBe(18);
    // the header 시설유형 내 순위 (14 units) plus room for the filter button
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(17);
  });

  test('the indicator sheet: one row per institution × indicator with value, rating, points, weight and reason', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('지표')!;
    expect(sheet.rowCount).toBe(1 + 6 * 4);
    expect(rowValues(sheet, 1)).toEqual(['기관코드', '기관명', '영역', '지표 ID', '지표', '값', '단위', '평가 방법', '평정', '점수', '배점', '채점', '사유']);
    expect(rowValues(sheet, 2)).toEqual([
      '0101', '행복노인복지관', '서비스', 'satisfaction_score', '이용자 만족도', 96, '점', '선형 비례', 0.9, 36, 40, '채점',
      '96점 (기준 60–100점 사이 비례) → 36.00/40점',
    ]);
    // a percent field is an Excel percent: 8 % is 0.08 shown as 8.0%
    const turnover = sheet.getRow(4);
    expect([turnover.getCell(6).value, turnover.getCell(6).numFmt]).toEqual([0.08, '0.0%']);
    expect(turnover.getCell(9).numFmt).toBe('0.0%');
    // a boolean stays a boolean
    expect(sheet.getRow(5).getCell(6).value).toBe(true);
    // 0306's missing satisfaction: blank value, rating and points, left out by policy
    const missing = rowValues(sheet, 18);
    expect(missing.slice(0, 4)).toEqual(['0306', '다온노인복지관', '서비스', 'satisfaction_score']);
    expect([missing[5], missing[8], missing[9], missing[10], missing[11]]).toEqual([undefined, undefined, undefined, 40, '제외']);
    expect(missing[12]).toBe('자료 없음 (satisfaction) → 평가에서 제외 (영역 배점 재조정)');
  });

  test('the summary: rubric identity, as-of date as a real date, counts by grade and group, follow-up lists', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('요약')!;
    const pairs = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const [label, value] = rowValues(sheet, row.number);
      if (typeof label === 'string' && !pairs.has(label)) pairs.set(label, value);
    });
    expect(pairs.get('기준 ID')).toBe('mini-facility');
    expect(pairs.get('기준 버전')).toBe('2025');
    expect(pairs.get('SHA-256')).toBe(rubric.source.sha256);
    expect(pairs.get('기준일')).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(pairs.get('기관 수')).toBe(6);
    const find = (label: string) => {
      let found = 0;
      sheet.eachRow((row) => {
        if (found === 0 && rowValues(sheet, row.number)[0] === label) found = row.number;
      });
      return found;
    };
    const asOfRow = find('기준일');
    expect(sheet.getRow(asOfRow).getCell(2).numFmt).toBe('yyyy-mm-dd');
    const header = find('비교 기준');
    expect(rowValues(sheet, header)).toEqual(['비교 기준', '집단', 'A', 'B', 'C', 'D', 'F', '보류', '계']);
    expect(rowValues(sheet, header + 1)).toEqual(['전체', undefined, 1, 0, 1, 2, 1, 1, 6]);
    expect(rowValues(sheet, header + 2)).toEqual(['시설유형', '노인', 1, 0, 1, 0, 1, 0, 3]);
    expect(rowValues(sheet, header + 3)).toEqual(['시설유형', '아동', 0, 0, 0, 1, 0, 0, 1]);
    expect(rowValues(sheet, header + 4)).toEqual(['시설유형', '장애인', 0, 0, 0, 1, 0, 1, 2]);
    const followUps: unknown[][] = [];
    sheet.eachRow((row) => {
      const values = rowValues(sheet, row.number);
      if (values[0] === '우수기관 포상' || values[0] === '품질관리 컨설팅') followUps.push(values);
    });
    expect(followUps).toEqual([
      ['우수기관 포상', '0101', '행복노인복지관', 'A', 96],
      ['품질관리 컨설팅', '0204', '새싹아동센터', 'D', 70],
      ['품질관리 컨설팅', '0102', '푸른장애인복지관', 'D', 66],
      ['품질관리 컨설팅', '0306', '다온노인복지관', 'F', 46.7],
    ]);
  });

  test('a ranking sheet per group, ordered by the rank within the group', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('노인')!;
    expect(rowValues(sheet, 1).slice(0, 4)).toEqual(['시설유형 내 순위', '순위', '기관코드', '기관명']);
    expect([2, 3, 4].map((r) => rowValues(sheet, r).slice(0, 3))).toEqual([
      [1, 1, '0101'],
      [2, 2, '0203'],
      [3, 5, '0306'],
    ]);
  });

  test('with several --group-by fields the group sheets are named by field and value', async () => {
    const both = fixtureDocument({ groupBy: ['facility_type', 'region'] });
    const workbook = await readWorkbook(await workbookBytes(both.doc, { rubric, lang: 'ko', problems: [] }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '요약', '순위', '지표',
      '시설유형 노인', '시설유형 아동', '시설유형 장애인',
      '시도 광주', '시도 대구', '시도 대전', '시도 부산', '시도 서울', '시도 인천',
    ]);
  });

  test('the validation sheet lists every problem with its position and message', async () => {
    const sheet = (await readWorkbook(await render())).getWorksheet('검증')!;
    expect(rowValues(sheet, 1)).toEqual(['구분', '코드', '파일', '시트', '자료 행', '줄', '열', '필드', '기관코드', '내용', '입력값']);
    const values = rowValues(sheet, 2);
    expect(values.slice(0, 9)).toEqual(['경고', 'CHECK_FAILED', 'facilities.csv', undefined, 2, 3, 'E', 'satisfaction', '0102']);
    expect(values[10]).toBe('88');
  });

  test('indicator rows beyond the sheet limit are split over numbered sheets, with a note on the summary', async () => {
    const workbook = await readWorkbook(await render('ko', [], 10));
    expect(workbook.worksheets.map((s) => s.name).slice(0, 5)).toEqual(['요약', '순위', '지표 1', '지표 2', '지표 3']);
    expect([1, 2, 3].map((n) => workbook.getWorksheet(`지표 ${n}`)!.rowCount)).toEqual([11, 11, 5]);
    // rows 21–24: the last institution in ranking order, withheld 0305
    expect(rowValues(workbook.getWorksheet('지표 3')!, 2).slice(0, 2)).toEqual(['0305', '소망장애인복지관']);
    const summary = workbook.getWorksheet('요약')!;
    const notes: string[] = [];
    summary.eachRow((row) => {
      if (rowValues(summary, row.number)[0] === '참고') notes.push(String(rowValues(summary, row.number)[1]));
    });
    expect(notes).toEqual(['지표별 점수 24행은 Excel 시트 한 장(최대 1,048,576행)에 다 들어가지 않아 여러 시트에 나눴습니다: 지표 1, 지표 2, 지표 3']);
  });

  test('text a sheet cannot hold is cleaned: control characters dropped, not a corrupt file', async () => {
    const dirty = structuredClone(doc);
    dirty.results[0]!.name = '행복\u0001노인\u001f복지관';
    const sheet = (await readWorkbook(await workbookBytes(dirty, { rubric, lang: 'ko', problems: [] }))).getWorksheet('순위')!;
    expect(sheet.getRow(2).getCell(3).value).toBe('행복노인복지관');
  });

  test.skipIf(!hasLibreOffice)('LibreOffice opens it and shows the formats (skipped without /usr/bin/soffice)', async () => {
    const sheets = libreOfficeSheets(await render());
    expect([...sheets.keys()].sort()).toEqual(['검증', '노인', '순위', '아동', '요약', '장애인', '지표'].sort());
    const ranking = sheets.get('순위')!.split('\n');
    expect(ranking[1]).toBe('1,0101,행복노인복지관,노인,1,36.00,30.00,30.00,96.0,A,A,판정,100.0%,,,우수기관 포상');
    expect(sheets.get('요약')).toContain('기준일,2025-03-31');
    expect(sheets.get('지표')!.split('\n')[3]).toContain('8.0%');
  }, 120_000);

  test('2,500 institutions from the compact table: every sheet reads back complete, in ranked order, 지표 split at 4,000 rows', async () => {
    // the fixture's six institutions over and over, with varied satisfaction and turnover: more rows than a sheet
    // measures before it streams, and the indicator rows over three sheets
    const rows: NonNullable<Parameters<typeof fixtureRecords>[0]> = Array.from({ length: 2_500 }, (_, n) => {
      const [, name, region, type, satisfaction, rights, , certified, abuse, investigation] = FIXTURE_ROWS[n % FIXTURE_ROWS.length]!;
      return [String(n).padStart(5, '0'), `${name} ${n}`, region, type, satisfaction === null ? null : 60 + ((n * 37) % 41), rights, (n * 7) % 30, certified, abuse, investigation];
    });
    const { rubric } = fixtureDocument();
    const asOf = { year: 2025, month: 3, day: 31 };
    const records = fixtureRecords(rows);
    const table = gradeTable(rubric, records, { asOf });
    const values = new RecordValues([...rubric.fields.keys()]);
    for (const r of records) values.add(r.values);
    // the document as the CLI has it when it streams: no results of its own
    const doc = gradeDocument(rubric, { results: [], problems: [] }, { toolVersion: '0.1.0', inputs: [], asOf, groupBy: rubric.rubric.peerGroups, skipped: [], counts: table });
    const ranked = rankedResults(rubric, table, (index) => values.valuesAt(index), asOf);
    const workbook = await readWorkbook(await workbookBytes(doc, { rubric, lang: 'ko', problems: [] }, 4_000, ranked));

    expect(workbook.worksheets.map((s) => s.name)).toEqual(['요약', '순위', '지표 1', '지표 2', '지표 3', '노인', '아동', '장애인']);
    const expected = explainedResults(rubric, records, table, asOf);
    expect(expected.length).toBeGreaterThan(MEASURED_ROWS);
    const ranking = workbook.getWorksheet('순위')!;
    expect(ranking.rowCount).toBe(1 + expected.length);
    expect(expected.map((_, k) => rowValues(ranking, k + 2).slice(0, 2))).toEqual(expected.map((r) => [r.rank ?? undefined, r.id]));

    const parts = [1, 2, 3].map((n) => workbook.getWorksheet(`지표 ${n}`)!);
    expect(parts.map((sheet) => sheet.rowCount)).toEqual([4_001, 4_001, 2_001]);
    const indicatorRows = parts.flatMap((sheet) => Array.from({ length: sheet.rowCount - 1 }, (_, r) => rowValues(sheet, r + 2)));
    const findings = expected.flatMap((r) => r.indicators.map((f) => ({ r, f })));
    expect(indicatorRows.map((row) => [row[0], row[3], row[9] ?? null])).toEqual(findings.map(({ r, f }) => [r.id, f.id, f.points]));
    expect(indicatorRows.map((row) => row[12])).toEqual(findings.map(({ f }) => findingReason(f, 'ko')));
    // past the measured rows the sheet streams; its columns were sized from the first rows
    expect(parts[0]!.getColumn(2).width).toBeGreaterThan(10);

    const members = ['노인', '아동', '장애인'].map((group) => workbook.getWorksheet(group)!.rowCount - 1);
    expect(members.reduce((a, b) => a + b)).toBe(expected.length);
    const summary = workbook.getWorksheet('요약')!;
    const facts = new Map<unknown, unknown>();
    summary.eachRow((row) => facts.set(rowValues(summary, row.number)[0], rowValues(summary, row.number)[1]));
    expect(facts.get('기관 수')).toBe(expected.length);
    expect(facts.get('보류')).toBe(expected.filter((r) => r.status === 'withheld').length);
    expect(String(facts.get('참고'))).toContain('지표 1, 지표 2, 지표 3');
  }, 60_000);
});
