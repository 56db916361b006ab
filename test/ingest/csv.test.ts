import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DataValidator, recordSpecOf } from '../../src/core/validate.js';
import type { ByteSource } from '../../src/ingest/bytes.js';
import { readCsv, type CsvOptions } from '../../src/ingest/csv.js';
import { ingestRubric } from '../helpers/ingest-rubric.js';

const spec = recordSpecOf(ingestRubric());
const asOf = { year: 2024, month: 12, day: 31 };

/** A source yielding the bytes cut at the given offsets. */
const cutAt = (bytes: Buffer, cuts: readonly number[]): ByteSource =>
  async function* () {
    let start = 0;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
      yield bytes.subarray(start, cut);
      start = cut;
    }
    yield bytes.subarray(start);
  };

async function read(source: ByteSource, options: Partial<CsvOptions> = {}) {
  const validator = new DataValidator(spec, { asOf, layout: 'auto' });
  const result = await readCsv(source, 'x.csv', validator, { maxRecordChars: 1024 * 1024, ...options });
  const { records, problems } = validator.result();
  return { result, records: records.map((r) => ({ ...r, values: Object.fromEntries(r.values) })), problems };
}

const HEADER = '기관코드,기관명,시도,이용자 수,재이용자 수,만족도';
const MULTILINE = Buffer.from(
  `${HEADER}\r\n00101,"행복노인복지관\r\n(분관, ""별관"")",서울,"1,200",780,91.5%\r\n00102,똠방골재가센터,광주,415,290,88.2\r\n`,
  'utf8',
);

describe('splitting a CSV at any byte gives the same records', () => {
  const files: [string, Buffer][] = [
    ['UTF-8', readFileSync('test/fixtures/ingest/providers-utf8.csv')],
    ['CP949', readFileSync('test/fixtures/ingest/providers-cp949.csv')],
    ['UTF-16LE', readFileSync('test/fixtures/ingest/providers-utf16.txt')],
    ['UTF-8 with quoted line breaks', MULTILINE],
    ['CP949 with quoted line breaks', iconv.encode(MULTILINE.toString('utf8'), 'cp949')],
  ];
  for (const [name, bytes] of files) {
    test.prop([fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { minLength: 1, maxLength: 4 })], { numRuns: 60 })(name, async (cuts) => {
      const whole = await read(cutAt(bytes, []));
      expect(whole.records.length).toBeGreaterThan(0);
      expect(await read(cutAt(bytes, cuts))).toEqual(whole);
    });
  }
});

describe('readCsv', () => {
  test('records start on the line where they begin, quoted line breaks and quotes kept', async () => {
    const { records, problems, result } = await read(cutAt(MULTILINE, []));
    expect(problems.map((p) => p.code)).toEqual(['HEADER_OPTIONAL_MISSING']);
    expect(records.map((r) => [r.id, r.name, r.source.line, r.source.row])).toEqual([
      ['00101', '행복노인복지관\r\n(분관, "별관")', 2, 1],
      ['00102', '똠방골재가센터', 4, 2],
    ]);
    expect(result).toMatchObject({ input: { format: 'csv', encoding: 'utf-8', delimiter: ',', records: 2 } });
  });

  test('an unclosed quote is reported on the line where it opens; the records before it are kept', async () => {
    const text = `${HEADER}\n00101,가,서울,10,5,90\n00102,"나,부산,10,5,90\n00103,다,대구,10,5,90\n`;
    const { records, problems } = await read(cutAt(Buffer.from(text), []));
    expect(records.map((r) => r.id)).toEqual(['00101']);
    expect(problems.find((p) => p.code === 'CSV_UNCLOSED_QUOTE')).toMatchObject({ severity: 'error', position: { file: 'x.csv', line: 3 } });
  });

  test('a record longer than the limit stops the file with its line', async () => {
    const text = `${HEADER}\n00101,가,서울,10,5,90\n00102,${'나'.repeat(300)},부산,10,5,90\n00103,다,대구,10,5,90\n`;
    const { records, problems } = await read(cutAt(Buffer.from(text), []), { maxRecordChars: 200 });
    expect(records.map((r) => r.id)).toEqual(['00101']);
    expect(problems.find((p) => p.code === 'CSV_RECORD_TOO_LARGE')).toMatchObject({ position: { line: 3 }, args: { limit: 200 } });
  });

  test('--delimiter and --encoding are used as given', async () => {
    const text = `${HEADER.replaceAll(',', '|')}\n00101|가|서울|10|5|90\n`;
    const { result, records } = await read(cutAt(iconv.encode(text, 'cp949'), []), { delimiter: '|', encoding: 'cp949' });
    expect(result).toMatchObject({ input: { delimiter: '|', encoding: 'cp949' } });
    expect(records[0]!.values).toMatchObject({ name: '가', users: 10 });
  });

  test('an empty file and an undetectable encoding are refused before any row is read', async () => {
    expect((await read(cutAt(Buffer.alloc(0), []))).result).toMatchObject({ refused: { code: 'FILE_EMPTY' } });
    expect((await read(cutAt(Buffer.from('id,name\n1,Caf\xe9\n', 'latin1'), []))).result).toMatchObject({ refused: { code: 'ENCODING_UNDETECTED' } });
  });

  test('rows are handed on while the file is still being read (streaming)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(5, '0')},기관${i},서울,10,5,90\n`);
    let pushedWhenLastChunkRead = -1;
    const validator = new DataValidator(spec, { asOf, layout: 'auto' });
    const openTable = validator.openTable.bind(validator);
    let pushed = 0;
    validator.openTable = (source) => {
      const table = openTable(source);
      const push = table.push.bind(table);
      table.push = (row) => {
        pushed += 1;
        push(row);
      };
      return table;
    };
    const source: ByteSource = async function* () {
      yield Buffer.from(`${HEADER}\n`);
      for (const [i, row] of rows.entries()) {
        if (i === rows.length - 1) pushedWhenLastChunkRead = pushed;
        yield Buffer.from(row);
      }
    };
    await readCsv(source, 'big.csv', validator, { maxRecordChars: 1024 });
    expect(validator.result().records).toHaveLength(3000);
    expect(pushedWhenLastChunkRead).toBeGreaterThan(0);
  });
});
