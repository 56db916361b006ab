import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompareDocumentSchema } from '../../src/report/compare-document.js';
import { runCli } from '../helpers/cli.js';
import { readWorkbook, rowValues } from '../helpers/workbook-readback.js';

const FIXTURES = 'test/fixtures/report';
const dir = mkdtempSync(path.join(tmpdir(), 'sseval-compare-'));
const at = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Grades a cycle's CSV to a grade JSON document with the built CLI. */
function gradeToJson(csv: string, rubric: string, asOf: string, out: string): void {
  const run = runCli(['grade', path.join(FIXTURES, csv), '--rubric', path.join(FIXTURES, rubric), '--as-of', asOf, '--format', 'json', '--out', at(out)]);
  if (run.status !== 0) throw new Error(`grade failed: ${run.stderr}`);
}

beforeAll(() => {
  gradeToJson('facilities-2024.csv', 'mini-facility.yaml', '2024-03-31', 'before.json');
  gradeToJson('facilities-2024.csv', 'mini-facility-2024.yaml', '2024-03-31', 'before-v2024.json');
  gradeToJson('facilities-2025.csv', 'mini-facility.yaml', '2025-03-31', 'after.json');
});

const compare = (...args: string[]) => runCli(['compare', at('before.json'), at('after.json'), ...args]);

describe('sseval compare', () => {
  test('the table: movement, deltas, improvers and decliners, hand-checked', () => {
    const run = compare();
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout.split('\n');
    expect(out[1]).toBe('등급 변동: 상승 1 · 하락 2 · 유지 1 · 신규 1 · 제외 1 · 비교 불가 1');
    const row = (id: string) => out.find((line) => line.includes(`  ${id}  `))!.split(/\s{2,}/);
    // 2024 → 2025: 0101 100 → 96 (A, A); 0203 82 → 72 (B → C, rank 3 → 2); 0204 100 → 70 (A → D, sanctioned)
    expect(row('0101')).toEqual(['유지', '0101', '행복노인복지관', 'A', 'A', '100.00', '96.00', '-4.00', '1', '1', '0', '-4.00', '0.00', '0.00']);
    expect(row('0203')).toEqual(['하락', '0203', '한빛노인복지관', 'B', 'C', '82.00', '72.00', '-10.00', '3', '2', '+1', '0.00', '0.00', '-10.00']);
    expect(row('0204')).toEqual(['하락', '0204', '새싹아동센터', 'A', 'D', '100.00', '70.00', '-30.00', '1', '3', '-2', '0.00', '-30.00', '0.00']);
    expect(row('0102')).toEqual(['상승', '0102', '푸른장애인복지관', 'F', 'D', '48.00', '66.00', '+18.00', '5', '4', '+1', '+8.00', '0.00', '+10.00']);
    expect(row('0306')).toEqual(['신규', '0306', '다온노인복지관', '-', 'F', '-', '46.70', '-', '-', '5', '-', '-', '-', '-']);
    expect(row('0305')).toEqual(['비교 불가', '0305', '소망장애인복지관', 'B', '-', '80.00', '80.00', '0.00', '4', '-', '-', '0.00', '0.00', '0.00']);
    expect(row('0407')).toEqual(['제외', '0407', '늘봄요양원', 'F', '-', '48.00', '-', '-', '5', '-', '-', '-', '-', '-']);
    expect(run.stdout).toContain('개선 상위 기관 (비교 가능한 5곳 중 개선도 상위 3% = 1곳)\n  0102 푸른장애인복지관  48.00 → 66.00 (+18.00)\n');
    expect(run.stdout).toContain('하락 상위 기관 (상위 1곳)\n  0204 새싹아동센터  100.00 → 70.00 (-30.00)\n');
  });

  test('--top 2 lists the two largest declines', () => {
    const run = compare('--top', '2', '--format', 'json');
    const doc = CompareDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.comparison).toMatchObject({ top: 2, awardShare: null, improvers: ['0102'], decliners: ['0204', '0203'] });
  });

  test('--format json: the versioned document with both cycles', () => {
    const run = compare('--format', 'json');
    expect(run.status).toBe(0);
    const doc = CompareDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.schemaVersion).toBe(1);
    expect([doc.before.asOf, doc.after.asOf]).toEqual(['2024-03-31', '2025-03-31']);
    expect(doc.before.inputs[0]!.path).toBe('test/fixtures/report/facilities-2024.csv');
    expect(doc.comparison.counts).toEqual({ up: 1, down: 2, same: 1, new: 1, gone: 1, ungraded: 1 });
    expect(doc.warnings).toEqual([]);
  });

  test('different rubric versions: compared, with a warning naming both on stderr and in the document', () => {
    const run = runCli(['compare', at('before-v2024.json'), at('after.json'), '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      '경고 COMPARE_RUBRIC_DIFFERS: 두 결과의 평가 기준이 다릅니다: 이전 mini-facility@2024, 이후 mini-facility@2025. 총점과 등급을 그대로 비교하지 못할 수 있습니다\n',
    );
    const doc = CompareDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.warnings).toEqual([{ code: 'COMPARE_RUBRIC_DIFFERS', args: { before: 'mini-facility@2024', after: 'mini-facility@2025' } }]);
    expect(doc.comparison.counts.up).toBe(1);
  });

  test('--format csv for Korean Excel', () => {
    const run = compare('--format', 'csv');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('\uFEFF등급 변동,기관코드,기관명,')).toBe(true);
    expect(run.stdout).toContain('\r\n상승,0102,푸른장애인복지관,F,D,48,66,18,5,4,1,8,0,10\r\n');
  });

  test('--format xlsx needs --out, writes atomically, and keeps an existing file without --force', async () => {
    const noOut = compare('--format', 'xlsx');
    expect(noOut.status).toBe(2);
    expect(noOut.stdout).toBe('');
    expect(noOut.stderr).toContain('--out FILE');

    const out = at('movement.xlsx');
    expect(compare('--format', 'xlsx', '--out', out).status).toBe(0);
    const workbook = await readWorkbook(readFileSync(out));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['요약', '비교', '개선 상위', '하락 상위']);
    expect(rowValues(workbook.getWorksheet('하락 상위')!, 2).slice(0, 8)).toEqual(['하락', '0204', '새싹아동센터', 'A', 'D', 100, 70, -30]);

    writeFileSync(out, 'keep me');
    const again = compare('--format', 'xlsx', '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('OUTPUT_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(compare('--format', 'xlsx', '--out', out, '--force').status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('never overwrites an input', () => {
    const run = compare('--format', 'json', '--out', at('after.json'), '--force');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OUTPUT_IS_INPUT');
    expect(JSON.parse(readFileSync(at('after.json'), 'utf8')).schemaVersion).toBe(1);
  });

  test.each([
    ['a missing file', () => at('nowhere.json'), 'COMPARE_UNREADABLE'],
    ['text that is not JSON', () => write('broken.json', '{"schemaVersion":'), 'COMPARE_NOT_JSON'],
    ['a document of another kind', () => write('certs.json', '{"schemaVersion":1,"certificates":[]}'), 'COMPARE_BAD_FILE'],
    ['a newer schema version', () => write('v9.json', '{"schemaVersion":9}'), 'COMPARE_SCHEMA_VERSION'],
  ])('%s is a usage error (exit 2) with a clear message', (_name, make, code) => {
    const bad = make();
    const run = runCli(['compare', bad, at('after.json')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(code);
    expect(run.stderr).toContain(bad);
    expect(run.stderr).not.toContain('    at ');
  });

  test('--top must be a positive whole number', () => {
    const run = compare('--top', '0');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--top');
  });

  test('a write that fails leaves no partial or temporary file', () => {
    const run = compare('--format', 'xlsx', '--out', at('missing-folder/movement.xlsx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OUTPUT_FAILED');
    expect(existsSync(at('missing-folder'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('sseval-tmp'))).toEqual([]);
  });
});

function write(name: string, content: string): string {
  writeFileSync(at(name), content);
  return at(name);
}
