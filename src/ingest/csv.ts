import { CsvError, parse } from 'csv-parse';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { problem, type Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import type { DataValidator } from '../core/validate.js';
import { LF } from '../core/ascii.js';
import { lineStartFrom, type ByteSource } from './bytes.js';
import type { PreparedReader, ReadPart, SecondReader } from './csv-part.js';
import { detectDelimiter } from './delimiter.js';
import { readPlainBytes } from './plain-bytes.js';
import { readPlainCsv, type PlainCsvRest } from './plain-csv.js';
import { chooseEncoding, decodeChunks, decodeHead, scanBytes } from './encoding.js';

export interface CsvOptions {
  readonly encoding?: string;
  readonly delimiter?: string;
  /** the longest record, in characters, before reading stops (an unclosed quote would swallow the file) */
  readonly maxRecordChars: number;
  /** read the second half of a large file on another thread (`path`: the file the source reads) */
  readonly split?: { readonly path: string; readonly reader: SecondReader };
}

/** Line breaks inside a cell (a quoted field): CRLF, LF and a lone CR each count once. */
function lineBreaks(cell: string): number {
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * The share of a split file this thread reads: a little over half, as the other thread, sent its lines once the
 * header is read, finished its half 50–170 ms after this one in profiled 1M runs.
 */
export const READ_FIRST_SHARE = 0.51;

/** Files smaller than this are not worth estimating: their columns grow by doubling in a few small steps. */
const ESTIMATE_MIN_BYTES = 1 << 20;

/** About how many lines `bytes` bytes of a file hold, judged by the lines that end in its head (0: none does). */
function linesIn(head: Uint8Array, bytes: number): number {
  let lines = 0;
  let end = 0;
  for (let at = head.indexOf(LF); at !== -1; at = head.indexOf(LF, at + 1)) {
    lines += 1;
    end = at + 1;
  }
  return lines === 0 ? 0 : Math.ceil((bytes * lines) / end);
}

const isUtf8 = (encoding: string) => encoding === 'utf-8' || encoding === 'utf8';

/** What reading a CSV gave: the input's description, or the problem that stopped it before any row was read. */
export type CsvResult = { readonly input: InputFile } | { readonly refused: Problem };

/**
 * Reads a CSV (or tab-separated) file into the validator: one pass to hash it and decide the encoding,
 * then a streaming pass that decodes, parses (plain lines directly, the rest with csv-parse) and hands each
 * record on with the line it starts on.
 * A malformed record (an unclosed quote, a record over the size limit) is reported at the line it starts on
 * and ends the file, since nothing after it can be trusted; the records before it are kept.
 */
export async function readCsv(source: ByteSource, file: string, validator: DataValidator, options: CsvOptions): Promise<CsvResult> {
  const split = options.split;
  // a file large enough to split: the other thread gets ready while this one scans the file
  // (a file that cannot be read is reported by reading it)
  const size = split === undefined ? 0 : await stat(split.path).then((found) => found.size, () => 0);
  const second = split !== undefined && size >= split.reader.minBytes ? { path: split.path, reader: split.reader.prepare() } : undefined;
  try {
    return await readCsvWith(source, file, validator, options, second);
  } finally {
    second?.reader.stop();
  }
}

/**
 * Reads a CSV as `readCsv` says, its later part by the `second` thread (ready, reading `path`) when there is one and
 * the file allows.
 */
async function readCsvWith(
  source: ByteSource,
  file: string,
  validator: DataValidator,
  options: CsvOptions,
  second: { readonly path: string; readonly reader: PreparedReader } | undefined,
): Promise<CsvResult> {
  const scan = await scanBytes(source);
  if (scan.size === 0) return { refused: problem('FILE_EMPTY', 'error', { file }) };
  const choice = chooseEncoding(scan, options.encoding);
  if ('code' in choice) return { refused: problem(choice.code, 'error', { file }, { encoding: options.encoding ?? '' }) };
  const { encoding } = choice;
  const delimiter = options.delimiter ?? detectDelimiter(decodeHead(scan.head, encoding));
  const table = validator.openTable({ file, date1904: false, fixedWidth: true });
  // Physical lines are counted here: csv-parse counts a CRLF inside a quoted field as two lines.
  let line = 1;
  // Plain lines (most files, all of a large export) are split directly; from the first line that needs care
  // on, csv-parse reads the rest, with the line ending the plain lines had, so the records come out the same.
  const plain = { delimiter, maxRecordChars: options.maxRecordChars };
  const pushCells = (cells: string[]) => {
    table.push({ line, cells });
    line += 1;
  };
  // Valid UTF-8 is read from its bytes: plain rows of a streaming table are typed without a string per cell
  const fromBytes = isUtf8(encoding) && scan.utf8;
  // the first line start after the middle; none when the last line starts before it
  const found = fromBytes && second !== undefined ? await lineStartFrom(second.path, Math.floor(scan.size * READ_FIRST_SHARE)) : undefined;
  const middle = found !== undefined && found < scan.size ? found : undefined;
  // a large file's records are estimated, so that what keeps them makes room once (the other thread its own)
  if (scan.size >= ESTIMATE_MIN_BYTES) validator.expectMore(linesIn(scan.head, middle ?? scan.size));
  let part: Promise<ReadPart | undefined> | undefined;
  let secondTaken = false;
  let recordDelimiter: string | undefined;
  // once this thread takes rows from bytes (the header found, the line ending known), the other starts on the second half
  const startSecond = () => {
    if (second === undefined || middle === undefined || recordDelimiter === undefined) return;
    const expectedRecords = linesIn(scan.head, scan.size - middle);
    const job = { path: second.path, file, start: middle, plan: table.headerPlan!, delimiter, recordDelimiter, maxRecordChars: options.maxRecordChars, expectedRecords };
    part = second.reader.start(job);
  };
  let rest: PlainCsvRest | undefined;
  try {
    rest = fromBytes
      ? await readPlainBytes(
          source(),
          plain,
          {
            onRow: (row) => {
              if (!table.pushBytes(row, line)) table.push({ line, cells: row.cells() });
              else if (part === undefined) startSecond();
              line += 1;
            },
            onCells: pushCells,
            onRecordDelimiter: (ending) => {
              recordDelimiter = ending;
            },
          },
          middle === undefined ? {} : { boundary: { offset: middle, reached: async () => takeSecond() } },
        )
      : await readPlainCsv(decodeChunks(source(), encoding), plain, pushCells);
  } finally {
    // its part is taken or never will be: the thread goes now (csv-parse may read on for a while)
    second?.reader.stop();
  }

  /** At the middle line, with every line before it read plainly: takes the second half as read there, if it can be. */
  async function takeSecond(): Promise<boolean> {
    const read = await part;
    if (read === undefined) return false;
    const shift = { row: table.rows, line: line - 1 };
    const sourceAt = (index: number) => ({ file, row: read.row(index) + shift.row, line: read.line(index) + shift.line });
    if (!table.adoptRows(read.ids, sourceAt)) return false;
    read.take(shift);
    secondTaken = true;
    return true;
  }
  if (rest === undefined) {
    const records = table.end();
    return { input: { path: file, sha256: scan.sha256, format: 'csv', records, encoding, delimiter, ...(secondTaken ? { threads: 2 } : {}) } };
  }
  const parser = parse({
    // a BOM can only be at the start of the file, and the plain reader has already read past it there
    bom: line === 1,
    ...(rest.recordDelimiter === undefined ? {} : { record_delimiter: rest.recordDelimiter }),
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: options.maxRecordChars,
    // csv-parse would stop at a bad record without handing on the good records still in its buffer;
    // skipping lets them through, and everything from the first bad record on is ignored below.
    skip_records_with_error: true,
  });
  let failure: CsvError | undefined;
  parser.on('skip', (error: CsvError) => {
    failure ??= error;
  });
  let index = 0;
  try {
    await pipeline(
      rest.text,
      parser,
      async (records: AsyncIterable<string[]>) => {
        for await (const record of records) {
          if (failure && index >= Number(failure.records)) continue;
          table.push({ line, cells: record });
          line += 1 + record.reduce((sum, cell) => sum + lineBreaks(cell), 0);
          index += 1;
        }
      },
    );
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    failure ??= error;
  }
  if (failure) {
    const code = failure.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CSV_UNCLOSED_QUOTE' : failure.code === 'CSV_MAX_RECORD_SIZE' ? 'CSV_RECORD_TOO_LARGE' : 'CSV_MALFORMED';
    validator.report(problem(code, 'error', { file, line }, { limit: options.maxRecordChars, detail: failure.code }), true);
  }
  const records = table.end();
  return { input: { path: file, sha256: scan.sha256, format: 'csv', records, encoding, delimiter } };
}
