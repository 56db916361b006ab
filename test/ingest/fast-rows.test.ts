import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDecimal } from '../../src/core/fast-rows.js';
import type { GradableRecord } from '../../src/core/records.js';
import { HEADER_SEARCH_ROWS, recordSpecOf, type RecordSpec } from '../../src/core/validate.js';
import { readDataSet, type ReadOptions } from '../../src/ingest/read.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { bundledRubric, fixturePath, ROOT } from '../fixtures/read-fixture.js';
import { INGEST_RUBRIC_FILE, ingestRubric } from '../helpers/ingest-rubric.js';
import { loadRubricFile } from '../../src/rubric/files.js';

const asOf = { year: 2024, month: 12, day: 31 };

/** A record as plain data, copied while it is valid (fast rows are a view reused for the next row). */
function snapshot(record: GradableRecord, spec: RecordSpec) {
  return {
    id: record.id,
    name: record.name,
    source: record.source,
    values: Object.fromEntries(spec.fields.map((f) => [f.id, record.values.get(f.id) ?? null])),
  };
}

/**
 * Reads files twice: keeping the records (every row through the careful validator) and streaming them (plain
 * rows straight from their bytes). Gives both, and how many records came by the fast path.
 */
async function bothWays(files: readonly string[], rubric: CompiledRubric, options: Partial<ReadOptions> = {}) {
  const spec = recordSpecOf(rubric);
  const kept = await readDataSet(files, spec, { asOf, ...options });
  const streamed: ReturnType<typeof snapshot>[] = [];
  let fast = 0;
  const read = await readDataSet(files, spec, {
    asOf,
    ...options,
    onRecord: (record) => {
      if (!(record.values instanceof Map)) fast += 1;
      streamed.push(snapshot(record, spec));
    },
  });
  const outcome = (records: readonly ReturnType<typeof snapshot>[], set: typeof kept) => ({
    records,
    problems: set.problems,
    tally: set.tally,
    invalid: [...set.invalidInstitutions].sort(),
    inputs: set.inputs,
  });
  return { careful: outcome(kept.records.map((r) => snapshot(r, spec)), kept), fast: outcome(streamed, read), fastRows: fast };
}

describe('plainDecimal reads plain decimals exactly as Number does', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  it.each([
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['91.9', 91.9],
    ['-12.25', -12.25],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['99.99999999999', 99.99999999999],
  ])('%s → %d', (text, value) => {
    expect(Object.is(plainDecimal(bytes(text), 0, text.length), value)).toBe(true);
  });

  it.each(['', '-', '.5', '5.', '+5', '1,234', '1e3', ' 5', '5 ', '85%', '1.2.3', '1234567890123456', '１２'])('leaves %j to the full grammar (NaN)', (text) => {
    const b = bytes(text);
    expect(plainDecimal(b, 0, b.length)).toBeNaN();
  });

  test.prop([fc.boolean(), fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.nat(15)])('agrees with Number on any plain decimal of up to 15 digits', (negative, digits, scale) => {
    const whole = digits.toString().padStart(scale + 1, '0');
    const text = `${negative ? '-' : ''}${scale === 0 ? whole : `${whole.slice(0, -scale)}.${whole.slice(-scale)}`}`;
    if (text.replace(/[-.]/g, '').length > 15) return;
    const expected = Number(text);
    expect(plainDecimal(bytes(text), 0, text.length)).toBe(expected === 0 ? 0 : expected);
  });
});

describe('the fast path reads every record and problem the careful path reads', () => {
  const bundled: [string, string][] = [
    ['agencies-2024.csv', 'agency-management-2024.yaml'],
    ['facilities-2021.csv', 'facility-2021.yaml'],
    ['facilities-2024.csv', 'facility-2024.yaml'],
    ['ltc-2024.csv', 'ltc-relative-2024.yaml'],
    ['quality-cert-applicants-2024.csv', 'quality-cert-2024.yaml'],
  ];
  // the header is chosen among the first 30 rows, so those are always read carefully
  it.each(bundled)('bundled fixture %s (%s), read fast after the header search', async (file, rubricFile) => {
    const { careful, fast, fastRows } = await bothWays([fixturePath(file)], bundledRubric(rubricFile));
    expect(fast).toEqual(careful);
    expect(careful.records.length).toBeGreaterThan(10);
    if (careful.records.length > HEADER_SEARCH_ROWS) expect(fastRows).toBeGreaterThan(0);
  });

  const corpus = readdirSync(path.join(ROOT, 'fixtures', 'bad')).filter((f) => f.endsWith('.csv'));
  const ingestFiles = readdirSync(path.join(ROOT, 'test', 'fixtures', 'ingest')).filter((f) => f.endsWith('.csv'));
  it.each([...corpus.map((f) => path.join(ROOT, 'fixtures', 'bad', f)), ...ingestFiles.map((f) => path.join(ROOT, 'test', 'fixtures', 'ingest', f))])(
    'bad-input corpus and ingest fixture %s',
    async (file) => {
      const { careful, fast } = await bothWays([file], ingestRubric());
      expect(fast).toEqual(careful);
    },
  );

  it('two files read as one data set (duplicate ids across files, with the first file and line)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-fast-'));
    const header = '기관코드,기관명,시도,이용자 수,재이용자 수\n';
    const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${from + k},기관${from + k},서울,10,5\n`).join('');
    writeFileSync(path.join(dir, 'a.csv'), header + rows(1, 40));
    writeFileSync(path.join(dir, 'b.csv'), header + rows(101, 140) + rows(35, 35));
    const { careful, fast, fastRows } = await bothWays([path.join(dir, 'a.csv'), path.join(dir, 'b.csv')], ingestRubric());
    expect(fast).toEqual(careful);
    expect(careful.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.position.file, p.position.line, p.args])).toEqual([
      ['ID_DUPLICATE', path.join(dir, 'b.csv'), 42, { firstFile: path.join(dir, 'a.csv'), firstLine: 36 }],
    ]);
    // rows 30 and on of each file (the first 29 are read while the header is searched for), not the duplicate
    expect(fastRows).toBe(11 + 11);
  });

  it('a long file: names that never repeat, thousands of ids, and late rows that need care', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-fast-'));
    const header = '기관코드,기관명,시도,이용자 수,재이용자 수\n';
    // after a thousand rows a column that never repeats (the names) is no longer looked up by its bytes
    const late: Record<number, string> = {
      2500: '17,기관17,서울,10,5',
      2600: '2600,,서울,10,5',
      2700: '2700,기관2700,서울,x,5',
      2800: '2800,가\u11A8,부산,10,5',
      2900: '2900, 희망 복지관 ,서울 ,10,5',
      2950: '2950,기관\uFFFD,서울,10,5',
    };
    const rows = Array.from({ length: 3000 }, (_, k) => late[k + 1] ?? `${k + 1},기관${k + 1},${k % 2 === 0 ? '서울' : '부산'},${10 + (k % 50)},${k % 7}`);
    writeFileSync(path.join(dir, 'long.csv'), header + rows.join('\n') + '\n');
    const { careful, fast, fastRows } = await bothWays([path.join(dir, 'long.csv')], ingestRubric(), { maxErrors: 0 });
    expect(fast).toEqual(careful);
    expect(careful.problems.map((p) => p.code)).toContain('ID_DUPLICATE');
    expect(fastRows).toBeGreaterThan(2900);
  });

  it('an id column with an all-digit name: ids of digits are read by the full grammar, and both ways agree', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-fast-'));
    const rubricFile = path.join(dir, 'digits.yaml');
    writeFileSync(rubricFile, readFileSync(INGEST_RUBRIC_FILE, 'utf8').replace('aliases: [기관 번호]', "aliases: [기관 번호, '2024']"));
    const { rubric } = loadRubricFile(rubricFile);
    const header = '2024,기관명,시도,이용자 수,재이용자 수\n';
    // a repeated header, and a data row whose id is the id column's name
    const odd: Record<number, string> = { 50: '2024,기관명,시도,이용자 수,재이용자 수', 60: '2024,기관61,서울,70,5' };
    const rows = Array.from({ length: 80 }, (_, k) => odd[k] ?? `${k + 1},기관${k + 1},서울,${10 + k},5`);
    writeFileSync(path.join(dir, 'digits.csv'), header + rows.join('\n') + '\n');
    const { careful, fast, fastRows } = await bothWays([path.join(dir, 'digits.csv')], rubric!, { maxErrors: 0 });
    expect(fast).toEqual(careful);
    expect(careful.records).toHaveLength(79);
    expect(fastRows).toBeGreaterThan(40);
  });
});

/** Cells of every kind the careful path has an opinion about, column by column of the ingest rubric. */
const COLUMNS: readonly [string, readonly string[]][] = [
  ['기관코드', ['1001', '1002', '1003', '1004', '0007', 'A1', ' 1005 ', '１００６', '', '기관코드', '"1008"']],
  ['기관명', ['행복센터', '희망 복지관', ' 사랑의집 ', '', 'Café', '가\u11A8', '"해든, 별관"', '"줄\n바꿈"', '행복센터2']],
  ['시도', ['서울', '부산', '서울 ', '제주도', '', '경기', 'Seoul']],
  ['서비스유형', ['노인돌봄', '', '아동']],
  ['이용자 수', ['10', '0', '007', '-3', '1,234', '12.0', '12.5', '', '  ', '1e3', '９', '99999999999999999', '40']],
  ['재이용자 수', ['5', '0', '50', '', '3.0', '2', '20', '3\t', '-0.0']],
  ['만족도', ['85', '85.5', '85%', '101', '-0', '.5', '5.', '+5', '\u22125', '', '100', '0.1']],
  ['예산', ['1000', '1,000', '12.345', '-1', '0.1', '123456789012345678', '', '250.5', '1;5']],
  ['개원일', ['2020-01-01', '2020.01.01', '2020-02-30', '', '20200101']],
  ['품질인증', ['Y', 'N', '예', 'true', 'x', '']],
  ['리더십 평정', ['우수', '보통', '없음', '', ' 양호']],
];

const generatedFile = fc.record({
  rows: fc.array(
    fc.record({
      cells: fc.tuple(...COLUMNS.map(([, pool]) => fc.constantFrom(...pool))),
      shape: fc.constantFrom('same', 'same', 'same', 'same', 'short', 'long', 'longBlank', 'blank'),
    }),
    { minLength: 1, maxLength: 30 },
  ),
  ending: fc.constantFrom('\r\n', '\n'),
  // the delimiter is detected from the file's start, as a user's file would be
  delimiter: fc.constantFrom(',', ',', ';', '\t'),
  mixedEndings: fc.boolean(),
  bom: fc.boolean(),
  unheadedColumn: fc.boolean(),
});

describe('generated messy data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sseval-fast-'));
  let n = 0;
  test.prop([generatedFile], { numRuns: 150 })('same records, problems, counts and invalid institutions both ways', async (f) => {
    const header = [...COLUMNS.map(([name]) => name), ...(f.unheadedColumn ? [''] : [])];
    const lines = f.rows.map(({ cells, shape }) => {
      const row = [...cells, ...(f.unheadedColumn ? [''] : [])];
      if (shape === 'short') row.pop();
      if (shape === 'long') row.push('extra');
      if (shape === 'longBlank') row.push('');
      return shape === 'blank' ? '' : row.join(f.delimiter);
    });
    // 30 clean rows first: rows are read fast only once the header has been chosen among the first 30
    const clean = Array.from({ length: HEADER_SEARCH_ROWS }, (_, k) => [`P${k}`, `기관${k}`, '서울', '노인돌봄', '40', '20', '85', '1000', '2020-01-01', 'Y', '우수', ...(f.unheadedColumn ? [''] : [])].join(f.delimiter));
    const text = [header.join(f.delimiter), ...clean, ...lines].map((line, i) => line + (f.mixedEndings && i % 3 === 2 ? '\n' : f.ending)).join('');
    n += 1;
    const file = path.join(dir, `generated-${n}.csv`);
    writeFileSync(file, (f.bom ? '\uFEFF' : '') + text);
    const { careful, fast, fastRows } = await bothWays([file], ingestRubric(), { maxErrors: 0 });
    expect(fast).toEqual(careful);
    // a line ending other than the first line's hands the rest of the file to the careful parser
    if (!f.mixedEndings || f.ending === '\n') expect(fastRows).toBeGreaterThan(0);
  });
});
