import { describe, expect, it } from 'vitest';
import { renderCertsXlsx } from '../../src/report/certs-xlsx.js';
import { documentOf } from '../helpers/certs.js';
import { hasLibreOffice, libreOfficeSheets, readWorkbook as workbookOf, rowValues } from '../helpers/workbook-readback.js';

describe('renderCertsXlsx', () => {
  it('writes a certificate sheet with ids as text, dates as real dates, a frozen header and an autofilter', async () => {
    const workbook = await workbookOf(await renderCertsXlsx(documentOf(), 'ko'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['인증 목록', '요약']);
    const sheet = workbook.getWorksheet('인증 목록')!;
    expect(rowValues(sheet, 1)).toEqual([
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
    const row = (r: number) => rowValues(sheet, r);
    expect(row(1)).toEqual(['Section', 'Group', 'Total', 'Valid', 'Expiring', 'Expired', 'Revoked', 'Renewal open']);
    expect([2, 3, 4, 5, 6, 7, 8].map(row)).toEqual([
      ['Overall', 'Total', 4, 2, 1, 1, 1, 1],
      ['By region', '부산', 1, 1, 1, 0, 0, 1],
      ['By region', '서울', 2, 1, 0, 1, 0, 0],
      ['By region', '(none)', 1, 0, 0, 0, 1, 0],
      ['By cohort', '2022', 2, 1, 1, 1, 0, 1],
      ['By cohort', '2023', 1, 1, 0, 0, 0, 0],
      ['By cohort', '2024', 1, 0, 0, 0, 1, 0],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(row(10)).toEqual(['As of', '2025-06-30']);
    expect(row(12)).toEqual(['Validity', '3 years']);
    expect(row(14)).toEqual(['Expiring horizon', '90 days (until 2025-09-27)']);
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

  it.skipIf(!hasLibreOffice)('opens in LibreOffice with ids, dates and days left shown as written', async () => {
    const sheets = libreOfficeSheets(await renderCertsXlsx(documentOf(), 'ko'));
    const list = sheets.get('인증 목록')!.split('\n');
    expect(list[1]).toBe('0110003,"=HYPERLINK(""x"") 센터",서울,,QC-2022-003,2022-01-10,,2025-01-09,-172,만료,2024-07-10,아니오');
    expect(sheets.get('요약')!.split('\n')[1]).toBe('전체,전체,4,2,1,1,1,1');
  }, 120_000);
});
