import { CsvError, parse } from 'csv-parse';
import { pipeline } from 'node:stream/promises';
import { problem, type Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import type { DataValidator } from '../core/validate.js';
import type { ByteSource } from './bytes.js';
import { detectDelimiter } from './delimiter.js';
import { chooseEncoding, decodeChunks, decodeHead, scanBytes } from './encoding.js';

export interface CsvOptions {
  readonly encoding?: string;
  readonly delimiter?: string;
  /** the longest record, in characters, before reading stops (an unclosed quote would swallow the file) */
  readonly maxRecordChars: number;
}

/** What reading a CSV gave: the input's description, or the problem that stopped it before any row was read. */
export type CsvResult = { readonly input: InputFile } | { readonly refused: Problem };

/**
 * Reads a CSV (or tab-separated) file into the validator: one pass to hash it and decide the encoding,
 * then a streaming pass that decodes, parses and hands each record on with the line it starts on.
 * A malformed record (an unclosed quote, a record over the size limit) is reported at its line and ends the
 * file, since nothing after it can be trusted.
 */
export async function readCsv(source: ByteSource, file: string, validator: DataValidator, options: CsvOptions): Promise<CsvResult> {
  const scan = await scanBytes(source);
  if (scan.size === 0) return { refused: problem('FILE_EMPTY', 'error', { file }) };
  const choice = chooseEncoding(scan, options.encoding);
  if ('code' in choice) return { refused: problem(choice.code, 'error', { file }, { encoding: options.encoding ?? '' }) };
  const { encoding } = choice;
  const delimiter = options.delimiter ?? detectDelimiter(decodeHead(scan.head, encoding));
  const table = validator.openTable({ file, date1904: false, fixedWidth: true });
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: options.maxRecordChars,
    info: true,
  });
  let lastLine = 0;
  try {
    await pipeline(
      source(),
      (chunks: AsyncIterable<Uint8Array>) => decodeChunks(chunks, encoding),
      parser,
      async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
        for await (const { record, info } of records) {
          table.push({ line: lastLine + 1, cells: record });
          lastLine = info.lines;
        }
      },
    );
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lastLine + 1;
    const code = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CSV_UNCLOSED_QUOTE' : error.code === 'CSV_MAX_RECORD_SIZE' ? 'CSV_RECORD_TOO_LARGE' : 'CSV_MALFORMED';
    validator.report(problem(code, 'error', { file, line }, { limit: options.maxRecordChars, detail: error.code }), true);
  }
  const records = table.end();
  return { input: { path: file, sha256: scan.sha256, format: 'csv', records, encoding, delimiter } };
}
