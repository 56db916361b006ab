import path from 'node:path';
import { explainedResults, gradeTable } from '../../src/core/engine.js';
import { problem } from '../../src/core/problems.js';
import type { InstitutionRecord } from '../../src/core/records.js';
import type { FieldValue } from '../../src/core/values.js';
import { gradeDocument } from '../../src/report/grade-document.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { loadRubricFile } from '../../src/rubric/files.js';

/** The small facility rubric of test/fixtures/report, graded over six hand-checked institutions. */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'report');

export function loadFixtureRubric(file = 'mini-facility.yaml'): CompiledRubric {
  const { rubric, problems } = loadRubricFile(path.join(FIXTURE_DIR, file));
  if (!rubric) throw new Error(`fixture rubric does not load: ${problems.map((p) => p.code).join(', ')}`);
  return rubric;
}

type Row = [id: string, name: string, region: string, type: string, satisfaction: number | null, rights: string, turnover: number, certified: boolean, abuse: boolean, investigation: boolean];

/**
 * Hand-computed (satisfaction linear 60–100 → 40, rights 우수/보통 → 30/18, turnover ≤10/≤20 → 20/10, certified → 10):
 * 0101 96.0 A · 0203 72.0 C · 0204 70.0 earned C, capped at D (abuse: rights set to 0) · 0102 66.0 D · 0306 46.7 F (satisfaction
 * missing, renormalised: 28/60) · 0305 earned B 80.0 but withheld (under investigation).
 */
export const FIXTURE_ROWS: readonly Row[] = [
  ['0101', '행복노인복지관', '서울', '노인', 96, '우수', 8, true, false, false],
  ['0102', '푸른장애인복지관', '부산', '장애인', 88, '보통', 12, true, false, false],
  ['0203', '한빛노인복지관', '대구', '노인', 92, '우수', 15, false, false, false],
  ['0204', '새싹아동센터', '인천', '아동', 100, '우수', 5, true, true, false],
  ['0305', '소망장애인복지관', '광주', '장애인', 80, '우수', 9, true, false, true],
  ['0306', '다온노인복지관', '대전', '노인', null, '보통', 25, true, false, false],
];

/**
 * The previous cycle (2024) of the same facilities, hand-computed: 0101 100 A · 0204 100 A (no sanction yet) ·
 * 0203 82 B · 0305 80 B · 0102 48 F · 0407 48 F (closed since); 0306 was not yet evaluated.
 */
export const BEFORE_ROWS: readonly Row[] = [
  ['0101', '행복노인복지관', '서울', '노인', 100, '우수', 8, true, false, false],
  ['0102', '푸른장애인복지관', '부산', '장애인', 80, '보통', 25, true, false, false],
  ['0203', '한빛노인복지관', '대구', '노인', 92, '우수', 15, true, false, false],
  ['0204', '새싹아동센터', '인천', '아동', 100, '우수', 5, true, false, false],
  ['0305', '소망장애인복지관', '광주', '장애인', 80, '우수', 9, true, false, false],
  ['0407', '늘봄요양원', '울산', '노인', 70, '보통', 12, true, false, false],
];

export function fixtureRecords(rows: readonly Row[] = FIXTURE_ROWS): InstitutionRecord[] {
  return rows.map(([id, name, region, type, satisfaction, rights, turnover, certified, abuse, investigation], i) => ({
    id,
    name,
    values: new Map<string, FieldValue>([
      ['id', id],
      ['name', name],
      ['region', region],
      ['facility_type', type],
      ['satisfaction', satisfaction],
      ['rights_level', rights],
      ['turnover', turnover],
      ['certified', certified],
      ['abuse', abuse],
      ['investigation', investigation],
    ]),
    source: { file: 'facilities.csv', row: i + 1, line: i + 2 },
  }));
}

export const FIXTURE_PROBLEMS = [
  problem('CHECK_FAILED', 'warning', { file: 'facilities.csv', row: 2, line: 3, column: 'E', field: 'satisfaction', institution: '0102' }, {}, '88'),
];

/** The fixture's grade document, as `sseval grade --format json --as-of 2025-03-31` would write it. */
export function fixtureDocument(options: { groupBy?: string[]; rubric?: CompiledRubric; rows?: readonly Row[] } = {}) {
  const rubric = options.rubric ?? loadFixtureRubric();
  const asOf = { year: 2025, month: 3, day: 31 };
  const groupBy = options.groupBy ?? rubric.rubric.peerGroups;
  const records = fixtureRecords(options.rows);
  const table = gradeTable(rubric, records, { asOf, groupBy });
  const outcome = { results: explainedResults(rubric, records, table, asOf), problems: [...table.problems] };
  const doc = gradeDocument(rubric, outcome, {
    counts: table,
    toolVersion: '0.1.0',
    inputs: [{ path: 'facilities.csv', sha256: 'ab'.repeat(32), format: 'csv', records: 6 }],
    asOf,
    groupBy,
    skipped: [],
  });
  return { rubric, doc, outcome };
}
