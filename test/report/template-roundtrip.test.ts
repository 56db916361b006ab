import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeInstitutions } from '../../src/core/engine.js';
import { recordSpecOf } from '../../src/core/validate.js';
import { readDataSet } from '../../src/ingest/read.js';
import type { Lang } from '../../src/messages/catalogue.js';
import { loadRubricFile } from '../../src/rubric/files.js';
import { renderTemplateCsv } from '../../src/report/template-csv.js';
import { buildTemplateXlsx } from '../../src/report/template-xlsx.js';
import { ROOT } from '../helpers/cli.js';

const AS_OF = { year: 2024, month: 12, day: 31 };
const work = mkdtempSync(path.join(tmpdir(), 'sseval-template-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { rubric } = loadRubricFile(path.join(ROOT, 'test', 'fixtures', 'rubrics', 'template.yaml'));
if (!rubric) throw new Error('template.yaml does not load');

type Cell = string | number | Date | null;
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const yesNo = (lang: Lang, value: boolean) => (lang === 'ko' ? (value ? '예' : '아니오') : value ? 'yes' : 'no');

/** Rows in template column order: id, name, region, service type, opened on, staff, users, returning, satisfaction, turnover, grievance, certified, sanction. */
const rows = (lang: Lang): Cell[][] => [
  ['00101', '행복재가센터', '서울', '노인맞춤돌봄서비스', date(2015, 3, 2), 12, 100, 85, 90, 10, '우수', yesNo(lang, true), yesNo(lang, false)],
  ['00102', '푸른돌봄', '부산', '장애인활동지원서비스', date(2018, 7, 15), 8, 50, 35, 75, 25, '양호', yesNo(lang, false), yesNo(lang, false)],
  ['00103', '한빛복지', '대구', '다문화가족언어지원서비스', date(2010, 1, 4), 20, 100, 85, 90, 10, '우수', yesNo(lang, true), yesNo(lang, true)],
  ['00104', '새싹돌봄', '제주', '발달재활서비스', date(2023, 6, 1), 4, 100, 85, 90, 10, '우수', yesNo(lang, true), yesNo(lang, false)],
  // certified left blank: missing, never 0
  ['00105', '다온센터', '광주', '발달재활서비스', date(2019, 5, 20), 5, 40, 20, 60, 40, '보통', null, yesNo(lang, false)],
];

/*
 * Hand-computed grades (as of 2024-12-31):
 * 00101: re-use 85 % ≥ 80 → 30; satisfaction 90 → 30; turnover 10 (lower) → 20; 우수 → 10; certified → 10: 100, A.
 * 00102: 70 % → 20; 75 → (75−60)/30 = 50 % → 15; 25 → (40−25)/30 = 50 % → 10; 양호 → 8; not certified → 0: 53, D.
 * 00103: as 00101 but sanctioned: 100 earns A, capped at C.
 * 00104: as 00101 but opened 2023-06-01, under 3 years: grade withheld.
 * 00105: 50 % → 10; 60 → 0; 40 → 0; 보통 → 5; certified missing → left out and management renormalised:
 *        service 10, management 5 × 40/30 = 6.667; total 16.67, D.
 */
const EXPECTED = [
  { id: '00101', total: 100, earnedGrade: 'A', grade: 'A', status: 'graded' },
  { id: '00102', total: 53, earnedGrade: 'D', grade: 'D', status: 'graded' },
  { id: '00103', total: 100, earnedGrade: 'A', grade: 'C', status: 'graded' },
  { id: '00104', total: 100, earnedGrade: 'A', grade: null, status: 'withheld' },
  { id: '00105', total: 16.67, earnedGrade: 'D', grade: 'D', status: 'graded' },
];

async function fillXlsxTemplate(lang: Lang): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await buildTemplateXlsx(rubric!, 'template.yaml', lang)) as unknown as ArrayBuffer);
  const data = workbook.worksheets[0]!;
  rows(lang).forEach((values, r) =>
    values.forEach((value, c) => {
      if (value !== null) data.getCell(r + 2, c + 1).value = value;
    }),
  );
  const file = path.join(work, `filled-${lang}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

function fillCsvTemplate(lang: Lang): string {
  const cell = (value: Cell) => (value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  const body = rows(lang).map((values) => values.map(cell).join(',')).join('\r\n');
  const file = path.join(work, `filled-${lang}.csv`);
  writeFileSync(file, `${renderTemplateCsv(rubric!.rubric, lang)}${body}\r\n`);
  return file;
}

async function gradeFile(file: string) {
  const data = await readDataSet([file], recordSpecOf(rubric!), { asOf: AS_OF });
  const outcome = gradeInstitutions(rubric!, data.records, { asOf: AS_OF });
  const results = [...outcome.results]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, total, earnedGrade, grade, status }) => ({ id, total, earnedGrade, grade, status }));
  return { problems: [...data.problems, ...outcome.problems], records: data.records, results };
}

describe('a template filled in cell by cell validates and grades with the same rubric', () => {
  it.each(['ko', 'en'] as const)('xlsx template, %s headers', async (lang) => {
    const { problems, records, results } = await gradeFile(await fillXlsxTemplate(lang));
    expect(problems).toEqual([]);
    expect(results).toEqual(EXPECTED);
    const first = records.find((r) => r.id === '00101')!;
    expect(first.values.get('opened_on')).toEqual({ year: 2015, month: 3, day: 2 });
    expect(first.values.get('certified')).toBe(true);
    expect(records.find((r) => r.id === '00105')!.values.get('certified') ?? null).toBeNull();
  });

  it.each(['ko', 'en'] as const)('csv template, %s headers', async (lang) => {
    const { problems, results } = await gradeFile(fillCsvTemplate(lang));
    expect(problems).toEqual([]);
    expect(results).toEqual(EXPECTED);
  });
});

describe('the bundled facility@2024 template round trip', () => {
  it('grades a facility at every top threshold 100 (A) and the same facility with an abuse sanction 80 (B: rights set to 0)', async () => {
    const { rubric: facility } = loadRubricFile(path.join(ROOT, 'rubrics', 'facility-2024.yaml'));
    expect(facility).toBeDefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildTemplateXlsx(facility!, 'facility-2024.yaml', 'ko')) as unknown as ArrayBuffer);
    const data = workbook.worksheets[0]!;
    // top of every band or linear range: accessibility 100 %, 12 checks, budget 98 %, turnover 10 %, 20 h training,
    // goals 95 %, case management 30/100 = 30 %, satisfaction 90 up 5 from 85, rights training 100 %, 우수, 예, 우수, 30 links
    const top = { accessibility_rate: 100, safety_checks: 12, budget_execution_rate: 98, turnover_rate: 10, training_hours: 20, program_goal_rate: 95, users: 100, case_clients: 30, satisfaction: 90, satisfaction_prev: 85, rights_training_rate: 100, grievance_level: '우수', privacy_measures: '예', management_level: '우수', community_links: 30, under_investigation: '아니오' };
    const facilities = [
      { id: '3100001', name: '서울노인종합복지관', region: '서울', facility_type: '노인복지관', ...top, abuse_sanction: '아니오' },
      { id: '3100002', name: '해오름장애인복지관', region: '경남', facility_type: '장애인복지관', ...top, abuse_sanction: '예' },
    ];
    const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
    const fieldOf = (label: string) => facility!.rubric.fields.find((f) => f.label.ko === label)!.id;
    facilities.forEach((values, r) =>
      header.forEach((label, c) => {
        data.getCell(r + 2, c + 1).value = values[fieldOf(label) as keyof typeof values];
      }),
    );
    const file = path.join(work, 'facility-2024.xlsx');
    await workbook.xlsx.writeFile(file);
    const read = await readDataSet([file], recordSpecOf(facility!), { asOf: AS_OF });
    expect(read.problems).toEqual([]);
    const { results, problems } = gradeInstitutions(facility!, read.records, { asOf: AS_OF });
    expect(problems).toEqual([]);
    expect(results.map(({ id, total, grade }) => ({ id, total, grade }))).toEqual([
      { id: '3100001', total: 100, grade: 'A' },
      { id: '3100002', total: 80, grade: 'B' },
    ]);
  });
});
