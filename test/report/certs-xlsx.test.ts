import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCertsXlsx } from '../../src/report/certs-xlsx.js';
import { documentOf } from './certs-fixture.js';

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('renderCertsXlsx', () => {
  it('writes a certificate sheet with ids as text, dates as real dates, a frozen header and an autofilter', async () => {
    const workbook = await workbookOf(await renderCertsXlsx(documentOf(), 'ko'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['인증 목록', '요약']);
    const sheet = workbook.getWorksheet('인증 목록')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '기관코드', '기관명', '시도', '서비스유형', '인증번호', '인증통보일', '인증취소일', '유효기간 만료일', '남은 일수', '상태', '갱신 신청 시작일', '갱신 신청 가능',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:L5');
    const expired = sheet.getRow(2);
    expect(expired.getCell(1).value).toBe('0110003');
    expect(expired.getCell(1).numFmt).toBe('@');
    expect(expired.getCell(2).value).toBe('=HYPERLINK("x") 센터');
    expect(expired.getCell(6).value).toEqual(new Date(Date.UTC(2022, 0, 10)));
    expect(expired.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(expired.getCell(7).value).toBeNull();
    expect(expired.getCell(8).value).toEqual(new Date(Date.UTC(2025, 0, 9)));
    expect(expired.getCell(9).value).toBe(-172);
    expect(expired.getCell(10).value).toBe('만료');
    const revoked = sheet.getRow(5);
    expect(revoked.getCell(7).value).toEqual(new Date(Date.UTC(2025, 0, 2)));
    expect(revoked.getCell(3).value).toBeNull();
  });

  it('puts the counts overall, by region and by cohort on the summary sheet, then the as-of date and policy', async () => {
    const workbook = await workbookOf(await renderCertsXlsx(documentOf(), 'en'));
    const sheet = workbook.getWorksheet('Summary')!;
    const rowValues = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(rowValues(1)).toEqual(['Section', 'Group', 'Total', 'Valid', 'Expiring', 'Expired', 'Revoked', 'Renewal open']);
    expect([2, 3, 4, 5, 6, 7, 8].map(rowValues)).toEqual([
      ['Overall', 'Total', 4, 2, 1, 1, 1, 1],
      ['By region', '부산', 1, 1, 1, 0, 0, 1],
      ['By region', '서울', 2, 1, 0, 1, 0, 0],
      ['By region', '(none)', 1, 0, 0, 0, 1, 0],
      ['By cohort', '2022', 2, 1, 1, 1, 0, 1],
      ['By cohort', '2023', 1, 1, 0, 0, 0, 0],
      ['By cohort', '2024', 1, 0, 0, 0, 1, 0],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowValues(10)).toEqual(['As of', '2025-06-30']);
    expect(rowValues(12)).toEqual(['Validity', '3 years']);
    expect(rowValues(14)).toEqual(['Expiring horizon', '90 days (until 2025-09-27)']);
  });

  it('adds the group as the first column when grouping', async () => {
    const workbook = await workbookOf(await renderCertsXlsx(documentOf('all', 'cohort'), 'ko'));
    const sheet = workbook.getWorksheet('인증 목록')!;
    expect(sheet.getCell('A1').value).toBe('인증연도');
    expect([2, 3, 4, 5].map((r) => [sheet.getCell(`A${r}`).value, sheet.getCell(`F${r}`).value])).toEqual([
      ['2022', 'QC-2022-003'],
      ['2022', 'QC-2022-002'],
      ['2023', 'QC-2023-001'],
      ['2024', 'QC-2024-004'],
    ]);
  });
});
