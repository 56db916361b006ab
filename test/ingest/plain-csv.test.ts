import { parse, type CsvError } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Problem } from '../../src/core/problems.js';
import type { RawRow } from '../../src/core/parse/raw.js';
import type { DataValidator } from '../../src/core/validate.js';
import type { ByteSource } from '../../src/ingest/bytes.js';
import { readCsv } from '../../src/ingest/csv.js';
import { readPlainCsv } from '../../src/ingest/plain-csv.js';

const MAX = 60;

/** The rows and the problem readCsv hands a table, recorded instead of validated. */
async function viaReadCsv(bytes: Buffer, cuts: readonly number[], delimiter: string) {
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  const recorder = {
    openTable: () => ({ push: (row: RawRow) => rows.push(row), pushBytes: () => false, end: () => rows.length }),
    report: (p: Problem) => problems.push(p),
  } as unknown as DataValidator;
  const source: ByteSource = async function* () {
    let start = 0;
    for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b)) {
      yield bytes.subarray(start, cut);
      start = cut;
    }
    yield bytes.subarray(start);
  };
  await readCsv(source, 'x.csv', recorder, { delimiter, maxRecordChars: MAX, encoding: 'utf-8' });
  return { rows, problems: problems.map((p) => [p.code, p.position.line]) };
}

/** What csv-parse alone gives (the reader before the plain path: decoding drops a BOM, then csv-parse), with lines counted the same way. */
function viaCsvParse(text: string, delimiter: string) {
  let failure: CsvError | undefined;
  const records = parse(text.replace(/^\uFEFF/, ''), {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX,
    skip_records_with_error: true,
    on_skip: (error) => {
      failure ??= error as CsvError;
    },
  }) as string[][];
  const rows: RawRow[] = [];
  let line = 1;
  for (const [index, cells] of records.entries()) {
    if (failure && index >= Number(failure.records)) break;
    rows.push({ line, cells });
    line += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  const code = failure === undefined ? undefined : failure.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CSV_UNCLOSED_QUOTE' : failure.code === 'CSV_MAX_RECORD_SIZE' ? 'CSV_RECORD_TOO_LARGE' : 'CSV_MALFORMED';
  return { rows, problems: code === undefined ? [] : [[code, line]] };
}

const cell = (delimiter: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9가똠 .-]{0,6}$/) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z"가, \r\n;\t\uFEFF]{0,5}$/).map((text) => `"${text.replaceAll('"', '""')}"`) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z"\r\n,;\t]{0,4}$/) },
    { weight: 1, arbitrary: fc.constant(delimiter) },
  );

const file = fc.constantFrom(',', ';', '\t').chain((delimiter) =>
  fc.record({
    delimiter: fc.constant(delimiter),
    boms: fc.nat(2),
    rows: fc.array(fc.record({ cells: fc.array(cell(delimiter), { minLength: 1, maxLength: 5 }), ending: fc.constantFrom('\r\n', '\r\n', '\n', '\n', '\r') }), { minLength: 1, maxLength: 8 }),
    endsWithLineBreak: fc.boolean(),
    cuts: fc.array(fc.nat(400), { maxLength: 4 }),
  }),
);

describe('the plain CSV path reads what csv-parse reads', () => {
  test.prop([file], { numRuns: 400 })('rows, cells, lines and the problem that stops a file, on generated tricky input', async (f) => {
    const body = f.rows.map((row, i) => row.cells.join(f.delimiter) + (i < f.rows.length - 1 || f.endsWithLineBreak ? row.ending : '')).join('');
    const text = '\uFEFF'.repeat(f.boms) + body;
    if (text === '') return;
    expect(await viaReadCsv(Buffer.from(text, 'utf8'), f.cuts, f.delimiter)).toEqual(viaCsvParse(text, f.delimiter));
  });

  it.each([
    ['plain CRLF', 'a,b\r\n1,2\r\n', 2],
    ['quoted cells with doubled quotes', 'a,"b ""x"", y"\n"1",2\n', 2],
    ['an empty line is a row of one empty cell', 'a,b\n\n1,2\n', 3],
    ['no line break at the end', 'a,b\n1,2', 2],
  ])('reads %s without csv-parse', async (_, text, count) => {
    const rows: string[][] = [];
    const rest = await readPlainCsv((async function* () { yield text; })(), { delimiter: ',', maxRecordChars: 100 }, (cells) => rows.push(cells));
    expect(rest).toBeUndefined();
    expect(rows).toEqual(viaCsvParse(text, ',').rows.map((r) => r.cells));
    expect(rows).toHaveLength(count);
  });

  it.each([
    ['a quoted line break', 'a,b\r\n"x\r\ny",2\r\n', 'a,b', '\r\n'],
    ['a LF line after CRLF lines', 'a,b\r\n1,2\n3,4\r\n', 'a,b', '\r\n'],
    ['a quote inside an unquoted cell', 'a,b\nx"y,2\n', 'a,b', '\n'],
    ['a lone CR', 'a,b\r1,2\r', '', undefined],
  ])('leaves the rest to csv-parse from %s on, with the line ending seen so far', async (_, text, read, recordDelimiter) => {
    const rows: string[][] = [];
    const rest = await readPlainCsv((async function* () { yield text; })(), { delimiter: ',', maxRecordChars: 100 }, (cells) => rows.push(cells));
    expect(rows.map((r) => r.join(','))).toEqual(read === '' ? [] : [read]);
    expect(rest?.recordDelimiter).toBe(recordDelimiter);
    let remaining = '';
    for await (const piece of rest!.text) remaining += piece;
    expect(text.endsWith(remaining)).toBe(true);
    expect(text.length - remaining.length).toBe(read === '' ? 0 : read.length + (recordDelimiter?.length ?? 0));
  });
});
