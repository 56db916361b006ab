import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseIsoDate } from '../../src/core/dates.js';
import { gradeInstitutions } from '../../src/core/engine.js';
import { parseNumberText } from '../../src/core/parse/number.js';
import { parseDateText } from '../../src/core/parse/date.js';
import { recordSpecOf, type RecordSpec } from '../../src/core/validate.js';
import { readDataSet, USAGE_PROBLEM_CODES, type DataSetRead, type ReadOptions } from '../../src/ingest/read.js';
import { loadRubricFile } from '../../src/rubric/files.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';
import { tempDir, writeWorkbook } from '../helpers/xlsx.js';

const spec = recordSpecOf(ingestRubric());
const asOf = { year: 2024, month: 12, day: 31 };
const dir = tempDir();
const read = (files: string[], options: Partial<ReadOptions> = {}, recordSpec: RecordSpec = spec) => readDataSet(files, recordSpec, { asOf, ...options });
const plain = (data: DataSetRead) => data.records.map((r) => ({ id: r.id, name: r.name, values: Object.fromEntries(r.values) }));
const reported = (data: DataSetRead) => [...new Set(data.problems.filter((p) => p.severity !== 'info').map((p) => p.code))].sort();

interface ManifestEntry {
  readonly codes: string[];
  readonly exit: 0 | 1 | 2;
  readonly options?: Partial<ReadOptions>;
}
const manifest = JSON.parse(readFileSync('fixtures/bad/manifest.json', 'utf8')) as { rubric: string; asOf: string; files: Record<string, ManifestEntry> };

describe('the corpus of bad inputs (fixtures/bad/manifest.json)', () => {
  test('has at least 30 files, each listed, each with its expected codes', () => {
    const files = Object.keys(manifest.files);
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) expect(existsSync(path.join('fixtures', 'bad', file)), file).toBe(true);
    expect(manifest.rubric).toBe('test/fixtures/rubrics/ingest-test.yaml');
    expect(parseIsoDate(manifest.asOf)).toEqual(asOf);
  });

  test.each(Object.entries(manifest.files))('%s', async (file, entry) => {
    const data = await read([path.join('fixtures', 'bad', file)], entry.options ?? {});
    expect(reported(data)).toEqual(entry.codes);
    const usage = data.problems.some((p) => p.severity === 'error' && USAGE_PROBLEM_CODES.has(p.code));
    const errors = data.problems.some((p) => p.severity === 'error');
    expect(usage ? 2 : errors ? 1 : 0).toBe(entry.exit);
    for (const p of data.problems) expect(p.position.file).toBe(path.join('fixtures', 'bad', file));
  });
});

describe('the same data in every encoding and delimiter evaluators send', () => {
  const variants = ['providers-utf8-bom.csv', 'providers-cp949.csv', 'providers-utf16.txt', 'providers-semicolon.csv', 'providers-title-rows-cp949.csv'];

  test.each(variants)('%s reads like the UTF-8 CSV', async (file) => {
    const [reference, variant] = await Promise.all([read(['test/fixtures/ingest/providers-utf8.csv']), read([`test/fixtures/ingest/${file}`])]);
    expect(reported(variant)).toEqual([]);
    expect(plain(variant)).toEqual(plain(reference));
  });

  test('how each was read is recorded', async () => {
    const data = await read(variants.map((f) => `test/fixtures/ingest/${f}`));
    expect(data.inputs.map((i) => [path.basename(i.path), i.encoding, i.delimiter])).toEqual([
      ['providers-utf8-bom.csv', 'utf-8', ','],
      ['providers-cp949.csv', 'cp949', ','],
      ['providers-utf16.txt', 'utf-16le', '\t'],
      ['providers-semicolon.csv', 'utf-8', ';'],
      ['providers-title-rows-cp949.csv', 'cp949', ','],
    ]);
  });
});

describe('several inputs are one data set', () => {
  test('CSV and xlsx mixed: records from both, duplicates found across them, each problem at its own file', async () => {
    const workbook = await writeWorkbook(dir, 'busan.xlsx', (wb) => {
      const ws = wb.addWorksheet('부산');
      ws.addRow(['기관코드', '기관명', '시도', '이용자 수', '재이용자 수']);
      ws.addRow(['00201', '부산돌봄', '부산', 300, '12O']);
      ws.addRow(['00101', '중복기관', '부산', 10, 5]);
    });
    const data = await read(['test/fixtures/ingest/providers-cp949.csv', workbook, 'fixtures/bad/number-with-unit.csv']);
    expect(data.inputs.map((i) => i.format)).toEqual(['csv', 'xlsx', 'csv']);
    expect(data.records.map((r) => r.id)).toEqual(['00101', '00102', '00103', '00201']);
    const where = data.problems.filter((p) => p.severity === 'error').map((p) => [p.code, path.basename(p.position.file!), p.position.sheet, p.position.line]);
    expect(where).toEqual([
      ['NUMBER_HAS_UNIT', 'busan.xlsx', '부산', 2],
      ['ID_DUPLICATE', 'busan.xlsx', '부산', 3],
      ['NUMBER_HAS_UNIT', 'number-with-unit.csv', undefined, 2],
      ['ID_DUPLICATE', 'number-with-unit.csv', undefined, 2],
      ['ID_DUPLICATE', 'number-with-unit.csv', undefined, 3],
      ['ID_DUPLICATE', 'number-with-unit.csv', undefined, 4],
    ]);
    expect([...data.invalidInstitutions].sort()).toEqual(['00101', '00102', '00103', '00201']);
  });

  test('standard input (-) is read as CSV, once', async () => {
    const bytes = readFileSync('test/fixtures/ingest/providers-cp949.csv');
    const data = await read(['-', '-'], { stdin: Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]) });
    expect(data.records).toHaveLength(3);
    expect(data.inputs).toEqual([expect.objectContaining({ path: '-', encoding: 'cp949', format: 'csv' })]);
    expect(data.problems.filter((p) => p.severity === 'error')).toEqual([{ code: 'STDIN_REPEATED', severity: 'error', position: { file: '-' }, args: {} }]);
  });

  test('standard input is sniffed like a file: a workbook is read, an old .xls refused, both shown as -', async () => {
    const workbook = await writeWorkbook(dir, 'stdin.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      ws.addRow(['기관코드', '기관명', '이용자 수', '재이용자 수']);
      ws.addRow(['00101', '가', 10, 5]);
    });
    const fromWorkbook = await read(['-'], { stdin: Readable.from([readFileSync(workbook)]) });
    expect(fromWorkbook.inputs).toEqual([expect.objectContaining({ path: '-', format: 'xlsx', records: 1 })]);
    expect(fromWorkbook.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const fromXls = await read(['-'], { stdin: Readable.from([readFileSync('fixtures/bad/old-format.xls')]) });
    expect(fromXls.problems).toEqual([{ code: 'FILE_OLD_XLS', severity: 'error', position: { file: '-' }, args: {} }]);
  });

  test('a missing file and a folder are usage problems; the other files are still read', async () => {
    const data = await read(['nope.csv', 'fixtures', 'test/fixtures/ingest/providers-utf8.csv']);
    expect(data.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.position.file])).toEqual([
      ['FILE_NOT_FOUND', 'nope.csv'],
      ['FILE_IS_DIRECTORY', 'fixtures'],
    ]);
    expect([...USAGE_PROBLEM_CODES]).toEqual(expect.arrayContaining(['FILE_NOT_FOUND', 'FILE_IS_DIRECTORY']));
    expect(data.records).toHaveLength(3);
  });

  test('--max-errors keeps the file-level problems whatever the count', async () => {
    const rows = ['기관코드,기관명,이용자 수,재이용자 수', ...Array.from({ length: 50 }, (_, i) => `${i},기관${i},x,1`)].join('\n');
    const many = path.join(dir, 'many.csv');
    writeFileSync(many, rows);
    const data = await read([many, 'missing.csv', 'fixtures/bad/missing-columns.csv'], { maxErrors: 10 });
    expect(data.problems.filter((p) => p.code === 'NUMBER_INVALID')).toHaveLength(10);
    expect(data.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['FILE_NOT_FOUND', 'HEADER_MISSING_REQUIRED']));
    expect(data.tally).toMatchObject({ truncated: true, limit: 10, byCode: { NUMBER_INVALID: 50 } });
    expect(data.invalidInstitutions.size).toBe(50);
  });
});

describe('the bundled 2024 management-evaluation data', () => {
  const rubricFile = 'rubrics/agency-management-2024.yaml';
  const csvFile = 'fixtures/agencies-2024.csv';
  const available = existsSync(rubricFile) && existsSync(csvFile);

  test.runIf(available)('reads identically, and grades identically, as UTF-8 CSV, as CP949 CSV and as a typed xlsx workbook', async () => {
    const { rubric } = loadRubricFile(rubricFile);
    const agencySpec = recordSpecOf(rubric!);
    const text = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '');
    const work = path.join(dir, 'agencies');
    mkdirSync(work, { recursive: true });
    const cp949 = path.join(work, 'agencies-cp949.csv');
    writeFileSync(cp949, iconv.encode(text, 'cp949'));
    const utf8 = await read([csvFile], {}, agencySpec);
    const headers = (parseCsv(text) as string[][])[0]!;
    const xlsx = await writeWorkbook(work, 'agencies.xlsx', (wb) => {
      const ws = wb.addWorksheet('경영평가');
      ws.mergeCells(1, 1, 1, headers.length);
      ws.getCell(1, 1).value = '2024년 시·도 사회서비스원 경영평가 자료';
      ws.addRow([]);
      ws.addRow(headers);
      // cells typed as an evaluator's workbook holds them: numbers as numbers, dates as dates, the rest as text
      const fields = rubric!.rubric.fields;
      const byHeader = new Map(headers.map((h, c) => [c, fields.find((f) => [f.id, f.label.ko, f.label.en, ...f.aliases].includes(h))]));
      const [, ...lines] = parseCsv(text) as string[][];
      for (const line of lines) {
        const cells = line.map((cell, c) => {
          const field = byHeader.get(c);
          if (field && ['number', 'integer'].includes(field.type)) {
            const n = parseNumberText(cell, { percent: false });
            if (n.ok && n.value !== null) return n.value;
          }
          if (field?.type === 'date') {
            const d = parseDateText(cell);
            if (d.ok && d.value !== null) return new Date(Date.UTC(d.value.year, d.value.month - 1, d.value.day));
          }
          return cell;
        });
        ws.addRow(cells);
      }
    });
    const [fromCp949, fromXlsx] = await Promise.all([read([cp949], {}, agencySpec), read([xlsx], {}, agencySpec)]);
    expect(utf8.records.length).toBeGreaterThanOrEqual(16);
    expect(reported(utf8)).toEqual([]);
    expect(reported(fromCp949)).toEqual([]);
    expect(reported(fromXlsx)).toEqual([]);
    expect(plain(fromCp949)).toEqual(plain(utf8));
    expect(plain(fromXlsx)).toEqual(plain(utf8));
    const grades = (data: DataSetRead) => gradeInstitutions(rubric!, data.records, { asOf }).results.map((r) => [r.id, r.total, r.grade]);
    expect(grades(fromCp949)).toEqual(grades(utf8));
    expect(grades(fromXlsx)).toEqual(grades(utf8));
    expect(grades(utf8).filter(([, , grade]) => grade === 'S').map(([id]) => id).sort()).toEqual(['0301', '0511']);
    expect(utf8.records.every((r) => /^0\d{3}$/.test(r.id))).toBe(true);
  });
});
