import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'sseval-template-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sseval template', () => {
  it('writes the xlsx template of a bundled rubric, quietly, with only the file on disk', async () => {
    const out = path.join(work, 'facility.xlsx');
    const run = runCli(['template', '--rubric', 'facility@2024', '--out', out]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['자료', '작성 안내']);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('시설코드');
    expect(readdirSync(work).filter((f) => f.includes('sseval-tmp'))).toEqual([]);
  });

  it('refuses to replace an existing file without --force (exit 2) and leaves it untouched', () => {
    const out = path.join(work, 'existing.xlsx');
    writeFileSync(out, 'keep me');
    const run = runCli(['template', '--rubric', 'facility@2024', '--out', out, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error OUTPUT_EXISTS ${out}: output file ${out} already exists; add --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli(['template', '--rubric', 'facility@2024', '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });

  it('writes the CSV header to stdout when --format csv has no --out', () => {
    const run = runCli(['template', '--rubric', 'test/fixtures/rubrics/lint/clean.yaml', '--format', 'csv', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('\uFEFFFacility code,Facility name,Region,Children served,Returning children,Safety rating\r\n');
  });

  it('takes the format from the --out extension', () => {
    const out = path.join(work, 'input.csv');
    expect(runCli(['template', '--rubric', 'test/fixtures/rubrics/lint/clean.yaml', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('\uFEFF시설코드,시설명,시도,이용 아동 수,재이용 아동 수,안전관리 평정\r\n');
  });

  it('will not write an xlsx to the terminal (exit 2)', () => {
    const run = runCli(['template', '--rubric', 'facility@2024', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error TEMPLATE_NEEDS_OUT: an xlsx template is written to a file only: add --out, e.g. --out input.xlsx\n');
  });

  it('stops with exit 2 for a rubric that does not load, writing nothing', () => {
    const out = path.join(work, 'broken.xlsx');
    const run = runCli(['template', '--rubric', 'test/fixtures/rubrics/lint/band-gap.yaml', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('RUBRIC_BANDS_GAP');
    expect(existsSync(out)).toBe(false);
  });

  it('requires --rubric (exit 2)', () => {
    const run = runCli(['template', '--out', path.join(work, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--rubric <ref>' not specified");
  });
});
