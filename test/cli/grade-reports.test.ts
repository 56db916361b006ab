import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hasChromium, renderInChromium } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { readWorkbook, rowValues } from '../helpers/workbook-readback.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sseval-grade-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const grade = (...args: string[]) =>
  runCli(['grade', 'test/fixtures/report/facilities-2025.csv', '--rubric', 'test/fixtures/report/mini-facility.yaml', '--as-of', '2025-03-31', ...args]);

describe('sseval grade --format xlsx and html', () => {
  test('xlsx: the result workbook, read back', async () => {
    const out = path.join(dir, 'results.xlsx');
    const run = grade('--format', 'xlsx', '--out', out, '--lang', 'en');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const workbook = await readWorkbook(readFileSync(out));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Ranking', 'Indicators', '노인', '아동', '장애인']);
    const ranking = workbook.getWorksheet('Ranking')!;
    expect(rowValues(ranking, 1).slice(0, 3)).toEqual(['Rank', 'ID', 'Name']);
    expect(rowValues(ranking, 2).slice(0, 10)).toEqual([1, '0101', '행복노인복지관', '노인', 1, 36, 30, 30, 96, 'A']);
    expect(workbook.getWorksheet('Indicators')!.rowCount).toBe(25);
  });

  test('xlsx with --skip-invalid: an invalid row in the middle leaves the others with their own values', async () => {
    const text = readFileSync('test/fixtures/report/facilities-2025.csv', 'utf8');
    const ending = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(ending);
    const withInvalid = path.join(dir, 'with-invalid.csv');
    writeFileSync(withInvalid, [...lines.slice(0, 2), '0999,잘못된복지관,서울,노인,96점,우수,8%,예,아니오,아니오', ...lines.slice(2)].join(ending));
    const rows = async (file: string) => {
      const workbook = await readWorkbook(readFileSync(file));
      return ['순위', '지표'].map((name) => {
        const sheet = workbook.getWorksheet(name)!;
        return Array.from({ length: sheet.rowCount }, (_, k) => rowValues(sheet, k + 1));
      });
    };
    const clean = path.join(dir, 'clean.xlsx');
    const skipped = path.join(dir, 'skipped.xlsx');
    expect(grade('--format', 'xlsx', '--out', clean).status).toBe(0);
    const run = runCli(['grade', withInvalid, '--rubric', 'test/fixtures/report/mini-facility.yaml', '--as-of', '2025-03-31', '--format', 'xlsx', '--out', skipped, '--skip-invalid']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('0999');
    expect(await rows(skipped)).toEqual(await rows(clean));
  });

  test('xlsx keeps an existing file unless --force', () => {
    const out = path.join(dir, 'existing.xlsx');
    writeFileSync(out, 'old');
    expect(grade('--format', 'xlsx', '--out', out).status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(grade('--format', 'xlsx', '--out', out, '--force').status).toBe(0);
  });

  test('html: one self-contained page with the charts and every institution', () => {
    const out = path.join(dir, 'report.html');
    expect(grade('--format', 'html', '--out', out).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.split('<svg ').length - 1).toBe(11);
    for (const name of ['행복노인복지관', '푸른장애인복지관', '한빛노인복지관', '새싹아동센터', '소망장애인복지관', '다온노인복지관']) expect(html).toContain(name);
    expect(html).not.toMatch(/<script|<link|https?:\/\//);
  });

  test.skipIf(!hasChromium)('html renders in headless Chromium (skipped without /usr/bin/chromium)', () => {
    const out = path.join(dir, 'rendered.html');
    expect(grade('--format', 'html', '--out', out, '--group-by', 'facility_type,region').status).toBe(0);
    const { dom, pdf } = renderInChromium(readFileSync(out, 'utf8'));
    // 1 overall + 2 group fields + 3 domains + 6 profiles
    expect(dom.split('<svg ').length - 1).toBe(12);
    expect(dom).toContain('시도별 등급 분포');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 180_000);
});
