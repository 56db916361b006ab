import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GradeDocumentSchema } from '../../src/report/grade-document-schema.js';
import { ROOT, runCli } from '../helpers/cli.js';

const AGENCIES = 'fixtures/agencies-2024.csv';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(ROOT, file))).digest('hex');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'sseval-grade-'));

/** The published 2024 outcome the bundled rubric reproduces. */
const PUBLISHED = {
  S: ['대전', '강원'],
  A: ['대구', '광주', '충남', '경남', '전북', '전남'],
};

describe('sseval grade on the bundled agency data (the README\'s first command)', () => {
  it('ranks and grades the 16 agencies as published, on stdout, with nothing on stderr', () => {
    const run = runCli(['grade', AGENCIES]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const rows = run.stdout.split('\n').filter((line) => /^\s+\d+\s+0\d{3}\s/.test(line));
    expect(rows).toHaveLength(16);
    const gradeOf = (region: string) => rows.find((row) => row.includes(`${region}`))!.match(/\s(S|A|B|C|D)\s/)![1];
    for (const region of PUBLISHED.S) expect(gradeOf(region)).toBe('S');
    for (const region of PUBLISHED.A) expect(gradeOf(region)).toBe('A');
    expect(rows[0]).toMatch(/^\s+1\s+0301\s+대전사회서비스원\s.*97\.12\s+S\s+보건복지부 장관 표창$/);
    expect(rows[15]).toMatch(/^\s+16\s+0501\s+제주특별자치도사회서비스원\s.*67\.68\s+C\s/);
    expect(run.stdout).toContain('agency-management@2024');
    expect(run.stdout).toContain('등급별 기관 수: S 2 · A 6 · B 5 · C 3 · D 0 (16 기관)');
  });

  it('writes a versioned JSON document stamped with the rubric and input hashes', () => {
    const run = runCli(['grade', AGENCIES, '--format', 'json', '--as-of', '2024-12-31']);
    expect(run.status).toBe(0);
    const doc = GradeDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.rubric).toMatchObject({ id: 'agency-management', version: '2024', sha256: sha256('rubrics/agency-management-2024.yaml') });
    expect(doc.inputs).toEqual([{ path: AGENCIES, sha256: sha256(AGENCIES) }]);
    expect(doc.asOf).toBe('2024-12-31');
    expect(doc.summary).toMatchObject({ institutions: 16, graded: 16, withheld: 0, byGrade: { S: 2, A: 6, B: 5, C: 3, D: 0 } });
    const top = doc.results[0]!;
    expect(top).toMatchObject({ id: '0301', total: 97.12, grade: 'S', rank: 1, status: 'graded' });
    expect(top.indicators).toHaveLength(13);
    expect(top.domains.map((d) => d.id)).toEqual(['leadership', 'system', 'responsibility', 'projects', 'policy']);
    const reuse = top.indicators.find((f) => f.id === 'reuse_rate')!;
    expect(reuse.reason.code).toBe('REASON_LINEAR');
    expect(reuse.points! / reuse.maxPoints).toBeCloseTo(reuse.rating! / 100, 12);
  });

  it('gives byte-identical JSON and CSV for the same inputs, rubric and as-of date', () => {
    for (const format of ['json', 'csv']) {
      const args = ['grade', AGENCIES, '--format', format, '--as-of', '2024-12-31'];
      expect(runCli(args).stdout).toBe(runCli(args).stdout);
    }
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['grade', AGENCIES, '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Rank  ID');
    expect(run.stdout).toContain('Institutions by grade: S 2 · A 6 · B 5 · C 3 · D 0 (16 institutions)');
    expect(run.stdout).toContain('Ministerial award (Minister of Health and Welfare)');
  });
});

describe('files written by grade', () => {
  it('writes CSV with a BOM, ids as text, atomically, and refuses to replace a file without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'result.csv');
    expect(runCli(['grade', AGENCIES, '--format', 'csv', '--out', out]).status).toBe(0);
    const first = readFileSync(out);
    expect([...first.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = first.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('순위,기관코드,기관명,')).toBe(true);
    expect(lines[1]!.startsWith('1,0301,대전사회서비스원,')).toBe(true);
    expect(readdirSync(dir)).toEqual(['result.csv']); // no temp file left behind

    writeFileSync(out, 'keep me');
    const refused = runCli(['grade', AGENCIES, '--format', 'csv', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('OUTPUT_EXISTS');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    expect(runCli(['grade', AGENCIES, '--format', 'csv', '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(out)).toEqual(first);
  });

  it('never overwrites an input, even with --force', () => {
    const dir = tempDir();
    const input = path.join(dir, 'agencies.csv');
    writeFileSync(input, readFileSync(path.join(ROOT, AGENCIES)));
    const run = runCli(['grade', input, '--format', 'csv', '--out', input, '--force']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OUTPUT_IS_INPUT');
    expect(readFileSync(input)).toEqual(readFileSync(path.join(ROOT, AGENCIES)));
  });
});

describe('bad input gets a clear error and the documented exit code', () => {
  function agenciesWith(change: (lines: string[]) => void): string {
    const lines = readFileSync(path.join(ROOT, AGENCIES), 'utf8').split('\r\n');
    change(lines);
    const file = path.join(tempDir(), 'agencies.csv');
    writeFileSync(file, lines.join('\r\n'));
    return file;
  }

  it('refuses data with errors (exit 1), naming the row, column and value', () => {
    const file = agenciesWith((lines) => {
      lines[1] = lines[1]!.replace(',95.1,', ',95.1점,');
    });
    const run = runCli(['grade', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('95.1점');
    expect(run.stderr).toContain('F'); // column F: 예산집행률(%)
    expect(run.stderr).toContain('DATA_HAS_ERRORS');
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('grades the valid institutions with --skip-invalid, lists the skipped one, and exits 1', () => {
    const file = agenciesWith((lines) => {
      lines[1] = lines[1]!.replace(',95.1,', ',95.1점,');
    });
    const run = runCli(['grade', file, '--skip-invalid', '--format', 'json']);
    expect(run.status).toBe(1);
    const doc = GradeDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.results).toHaveLength(15);
    expect(doc.summary.skipped).toEqual(['0111']);
    expect(run.stderr).toContain('SKIPPED_INVALID');
  });

  it.each([
    [['grade', 'fixtures/no-such-file.csv'], 'no-such-file.csv'],
    [['grade', AGENCIES, '--rubric', 'no-such-rubric'], 'agency-management'],
    [['grade', AGENCIES, '--rubric', 'agency-management@1999'], '2024'],
    [['grade', AGENCIES, '--as-of', '2024-02-30'], '2024-02-30'],
    [['grade', AGENCIES, '--group-by', 'colour'], 'colour'],
    [['grade', AGENCIES, '--format', 'pdf'], 'pdf'],
    [['grade', AGENCIES, '--no-such-flag'], '--no-such-flag'],
  ])('usage error %j → exit 2 mentioning %s', (args, mention) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(mention);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('reports a broken rubric by its paths, all at once, with exit 2', () => {
    const rubric = readFileSync(path.join(ROOT, 'rubrics/agency-management-2024.yaml'), 'utf8')
      .replace('- { grade: A, label: { ko: 우수, en: Excellent }, min: 85 }', '- { grade: A, label: { ko: 우수, en: Excellent }, min: 85, max: 94 }')
      .replace(/points: 14\b/, 'points: 15');
    const file = path.join(tempDir(), 'broken.yaml');
    writeFileSync(file, rubric);
    const run = runCli(['grade', AGENCIES, '--rubric', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('grading.bands[0].min');
    expect(run.stderr).toContain('RUBRIC_BANDS_GAP');
    expect(run.stderr).toContain('RUBRIC_POINTS_MISMATCH');
    expect(run.stderr).toContain(`${file}:`);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});

describe('peer groups and limiters on the facility data', () => {
  it('ranks within facility type, applies the sanction and withholds the investigated facility', () => {
    const run = runCli(['grade', 'fixtures/facilities-2024.csv', '--rubric', 'facility', '--as-of', '2024-12-31', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = GradeDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.groupBy).toEqual(['facility_type']);
    expect(doc.summary).toMatchObject({ institutions: 336, withheld: 4, byGrade: { A: 52, B: 101, C: 101, D: 51, F: 27 } });
    const sanctioned = doc.results.find((r) => r.id === '1140007')!;
    expect(sanctioned.domains.find((d) => d.id === 'rights')).toMatchObject({ points: 0, setBy: expect.any(String) });
    const investigated = doc.results.find((r) => r.id === '3110001')!;
    expect(investigated).toMatchObject({ status: 'withheld', grade: null, rank: null });
    const firstOfType = doc.results.filter((r) => r.groupRanks[0]!.rank === 1);
    expect(new Set(firstOfType.map((r) => r.groups.facility_type)).size).toBe(firstOfType.length);
  });

  it('--group-by region adds a region rank to the table', () => {
    const run = runCli(['grade', 'fixtures/facilities-2024.csv', '--rubric', 'facility@2024', '--group-by', 'region', '--as-of', '2024-12-31']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('시도 내 순위');
    expect(run.stdout).not.toContain('시설유형 내 순위');
  });

  it('xlsx needs --out', () => {
    const run = runCli(['grade', AGENCIES, '--format', 'xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out');
    expect(existsSync(path.join(ROOT, 'results.xlsx'))).toBe(false);
  });
});
