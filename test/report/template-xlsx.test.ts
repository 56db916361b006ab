import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRubricFiles, loadRubricFile } from '../../src/rubric/files.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { buildTemplateXlsx, TEMPLATE_ROWS } from '../../src/report/template-xlsx.js';
import { ROOT } from '../helpers/cli.js';

const REGIONS = '서울,부산,대구,인천,광주,대전,울산,세종,경기,강원,충북,충남,전북,전남,경북,경남,제주';

function loadFixture(name: string): CompiledRubric {
  const { rubric, problems } = loadRubricFile(path.join(ROOT, 'test', 'fixtures', 'rubrics', name));
  if (!rubric) throw new Error(JSON.stringify(problems));
  return rubric;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('buildTemplateXlsx (read back with exceljs)', () => {
  const rubric = loadFixture('template.yaml');
  let ko: ExcelJS.Workbook;
  let en: ExcelJS.Workbook;
  beforeAll(async () => {
    ko = await readBack(await buildTemplateXlsx(rubric, 'template.yaml', 'ko'));
    en = await readBack(await buildTemplateXlsx(rubric, 'template.yaml', 'en'));
  });

  it('has the data sheet first (ingest reads the first sheet with data), then the instructions and a hidden list sheet', () => {
    expect(ko.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['자료', 'visible'],
      ['작성 안내', 'visible'],
      ['목록', 'hidden'],
    ]);
    expect(en.worksheets.map((s) => s.name)).toEqual(['data', 'instructions', 'lists']);
  });

  it('heads each column with the field label in the chosen language, id and name first, and nothing below', () => {
    const header = (wb: ExcelJS.Workbook) => (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header(ko)).toEqual(['기관코드', '기관명', '시도', '서비스 유형', '개소일', '종사자 수', '이용자 수', '재이용자 수', '이용자 만족도', '종사자 이직률', '고충처리 평정', '품질인증 보유', '행정처분 여부']);
    expect(header(en).slice(0, 4)).toEqual(['Provider code', 'Provider name', 'Region', 'Service type']);
    expect(ko.worksheets[0]!.actualRowCount).toBe(1);
  });

  it('notes each header with the field id, unit, allowed values and whether it is required', () => {
    const data = ko.worksheets[0]!;
    expect(data.getCell('A1').note).toBe('필드 id: id\n필수 항목');
    expect(data.getCell('I1').note).toBe('필드 id: satisfaction\n단위: 점\n허용: 0 ~ 100');
    expect(en.worksheets[0]!.getCell('L1').note).toBe('field id: certified\nallowed: yes, no');
  });

  it('freezes the header row and the id and name columns', () => {
    expect(ko.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' });
  });

  it('keeps ids and text as text and shows dates as dates', () => {
    const data = ko.worksheets[0]!;
    expect(data.getColumn(1).numFmt).toBe('@');
    expect(data.getColumn(2).numFmt).toBe('@');
    expect(data.getColumn(5).numFmt).toBe('yyyy-mm-dd');
    expect(data.getColumn(6).numFmt).toBe('0');
  });

  it('validates every column by its field type', () => {
    const data = ko.worksheets[0]!;
    const rule = (address: string) => {
      const v = data.getCell(address).dataValidation;
      return v === undefined ? undefined : { type: v.type, operator: v.operator, formulae: v.formulae };
    };
    expect(rule('A2')).toBeUndefined(); // id: free text
    expect(rule('B2')).toBeUndefined(); // name
    expect(rule('C2')).toEqual({ type: 'list', operator: undefined, formulae: [`"${REGIONS}"`] });
    expect(rule('D2')).toEqual({ type: 'list', operator: undefined, formulae: ["'목록'!$A$2:$A$24"] });
    expect(rule('E2')).toEqual({ type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))] });
    expect(rule('F2')).toEqual({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(rule('I2')).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(rule('J2')).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(rule('K2')).toEqual({ type: 'list', operator: undefined, formulae: ['"우수,양호,보통,미흡"'] });
    expect(rule('L2')).toEqual({ type: 'list', operator: undefined, formulae: ['"예,아니오"'] });
    expect(en.worksheets[0]!.getCell('L2').dataValidation.formulae).toEqual(['"yes,no"']);
  });

  it(`covers rows 2 to ${TEMPLATE_ROWS + 1} and stops an invalid entry with a message naming the field`, () => {
    const data = ko.worksheets[0]!;
    expect(data.getCell(`I${TEMPLATE_ROWS + 1}`).dataValidation?.type).toBe('decimal');
    expect(data.getCell(`I${TEMPLATE_ROWS + 2}`).dataValidation).toBeUndefined();
    expect(data.getCell('I2').dataValidation).toMatchObject({ showErrorMessage: true, errorStyle: 'stop', error: '이용자 만족도: 숫자를 입력하세요 (0 ~ 100)' });
  });

  it('puts the service-type list (266 characters, over the 255 limit) on the hidden sheet, value for value', () => {
    const lists = ko.worksheets[2]!;
    const values = (lists.getColumn(1).values as unknown[]).slice(1);
    expect(values).toEqual(['service_type', ...rubric.rubric.fields.find((f) => f.id === 'service_type')!.values!]);
  });

  it('describes every field on the instructions sheet: meaning, unit, allowed values, required, what uses it', () => {
    const guide = ko.worksheets[1]!;
    expect(guide.getCell('A1').value).toBe('재가돌봄 서비스 품질 점검 (home-care-check@2024) 자료 입력 서식');
    expect((guide.getRow(5).values as unknown[]).slice(1)).toEqual(['열', '항목', '필드 id', '형식', '단위', '허용 값·범위', '필수', '설명', '사용하는 지표·규칙', '인식하는 다른 머리글']);
    const row = (n: number) => (guide.getRow(n).values as unknown[]).slice(1);
    expect(guide.rowCount).toBe(5 + 13); // the header at row 5, then one row per field
    expect(row(6)).toEqual(['A', '기관코드', 'id', '식별자(문자)', '', '', '예', '', '기관 식별', 'Provider code, 기관번호']);
    expect(row(13)).toEqual(['H', '재이용자 수', 'returning', '정수', '명', '0 이상', '예', '', '지표 reuse 재이용률\n자료 점검 returning_within_users', 'Returning users']);
    expect(row(14)).toEqual(['I', '이용자 만족도', 'satisfaction', '숫자', '점', '0 ~ 100', '아니오', '연 1회 만족도 조사 평균 (100점 만점)', '지표 satisfaction 이용자 만족도', 'User satisfaction']);
    expect(row(18)).toEqual(['M', '행정처분 여부', 'sanction', '예/아니오', '', '예, 아니오', '예', '', '제한 규칙 sanction_cap', 'Administrative sanction']);
  });
});

describe('templates of the bundled rubrics', () => {
  it('write no literal drop-down list over 255 characters and validate every number, date and list column', async () => {
    for (const entry of listRubricFiles()) {
      const { rubric } = loadRubricFile(entry.file);
      expect(rubric, entry.file).toBeDefined();
      const data = (await readBack(await buildTemplateXlsx(rubric!, entry.file, 'ko'))).worksheets[0]!;
      const fields = rubric!.rubric.fields;
      for (let c = 1; c <= fields.length; c += 1) {
        const validation = data.getCell(2, c).dataValidation;
        const literal = validation?.type === 'list' && String(validation.formulae[0]).startsWith('"');
        if (literal) expect(String(validation.formulae[0]).length - 2).toBeLessThanOrEqual(255);
        const label = data.getCell(1, c).value;
        const field = fields.find((f) => f.label.ko === label)!;
        const needsRule = ['number', 'integer', 'percent', 'date', 'boolean', 'level'].includes(field.type) || field.values !== undefined;
        expect({ file: entry.file, field: field.id, validated: validation !== undefined }).toEqual({ file: entry.file, field: field.id, validated: needsRule });
      }
    }
  });
});
