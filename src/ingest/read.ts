import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Layout } from '../core/headers.js';
import type { ProblemTally } from '../core/problem-log.js';
import { problem } from '../core/problems.js';
import type { DataSet, GradableRecord, InputFile } from '../core/records.js';
import { DataValidator, type RecordSpec } from '../core/validate.js';
import type { PlainDate } from '../core/values.js';
import { sha256 } from '../core/digest.js';
import { fileSource, readHead, spoolToTempFile } from './bytes.js';
import { countedSource } from './counted-source.js';
import { readCsv } from './csv.js';
import type { SecondReader } from './csv-part.js';
import { cfbEntryNames, sniffBytes } from './sniff.js';
import { readXlsx } from './xlsx.js';
import { zipEntries } from './zip.js';

export interface ReadOptions {
  /** the text encoding of CSV inputs (an iconv-lite name such as cp949, utf-8, utf-16le); detected when absent */
  readonly encoding?: string;
  /** the CSV field delimiter; detected (, ; or tab) when absent */
  readonly delimiter?: string;
  /** the workbook sheet, by name or 1-based position; the first sheet with data when absent */
  readonly sheet?: string;
  readonly layout?: Layout | 'auto';
  readonly asOf: PlainDate;
  /** keep at most this many errors (default 1000; 0 keeps all); the rest are counted */
  readonly maxErrors?: number;
  /** refuse a workbook that expands to more than this many bytes (default 200 MiB) */
  readonly maxUncompressedBytes?: number;
  /** the longest CSV record in characters (default 1 Mi) */
  readonly maxRecordChars?: number;
  /** what `-` reads (default process.stdin) */
  readonly stdin?: NodeJS.ReadableStream;
  /** given: each record is handed on as it is read and not kept in the data set (streaming a million records) */
  readonly onRecord?: (record: GradableRecord) => void;
  /** with `onRecord`: told about how many more records a large CSV holds (an estimate), to make room at once */
  readonly onExpect?: (records: number) => void;
  /** with `onRecord`: reads the later half of a large UTF-8 CSV on another thread (see csv-part.ts) */
  readonly secondReader?: SecondReader;
  /** told, as a CSV file is read, how many of its bytes have been read (a pass restarts at 0), for a progress line */
  readonly onBytesRead?: (file: string, bytesRead: number, totalBytes: number) => void;
}

/** The data set with the counts of every problem (some may not be kept) and every institution an error concerns. */
export interface DataSetRead extends DataSet {
  readonly tally: ProblemTally;
  readonly invalidInstitutions: ReadonlySet<string>;
}

export const DEFAULT_MAX_ERRORS = 1000;
const DEFAULT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;
const SNIFF_BYTES = 4096;

/** Problems about a file as a whole (it cannot be found, opened, or read as data): the command exits 2 for these. */
export const USAGE_PROBLEM_CODES: ReadonlySet<string> = new Set([
  'FILE_NOT_FOUND',
  'FILE_IS_DIRECTORY',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_OLD_XLS',
  'FILE_ENCRYPTED',
  'FILE_HTML_WORKBOOK',
  'FILE_XML_WORKBOOK',
  'FILE_XLSB',
  'FILE_ODS',
  'FILE_NOT_SPREADSHEET',
  'ENCODING_UNDETECTED',
  'ENCODING_UNKNOWN',
  'XLSX_TOO_LARGE',
  'XLSX_UNREADABLE',
  'SHEET_NOT_FOUND',
  'WORKBOOK_EMPTY',
  'STDIN_REPEATED',
]);

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

/**
 * Reads every input (CSV and xlsx mixed; `-` is standard input) into one data set: typed records,
 * problems with their file, sheet, row, line and column, and each file's sha256. Never throws for bad input.
 */
export async function readDataSet(files: readonly string[], spec: RecordSpec, options: ReadOptions): Promise<DataSetRead> {
  const validator = new DataValidator(spec, {
    asOf: options.asOf,
    layout: options.layout ?? 'auto',
    maxErrors: options.maxErrors ?? DEFAULT_MAX_ERRORS,
    ...(options.onRecord === undefined ? {} : { onRecord: options.onRecord }),
    ...(options.onExpect === undefined ? {} : { onExpect: options.onExpect }),
  });
  const inputs: InputFile[] = [];
  let stdinRead = false;
  for (const file of files) {
    const refuse = (code: string, args: Record<string, string | number> = {}) => validator.report(problem(code, 'error', { file }, args), true);
    if (file === '-') {
      if (stdinRead) {
        refuse('STDIN_REPEATED');
        continue;
      }
      stdinRead = true;
    }
    try {
      const input = file === '-' ? await readStdin(validator, options) : await readPath(file, file, validator, options);
      if (input) inputs.push(input);
    } catch (error) {
      refuse('FILE_UNREADABLE', { detail: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) });
    }
  }
  const result = validator.result();
  return { records: result.records, problems: result.problems, inputs, tally: result.tally, invalidInstitutions: result.invalidInstitutions };
}

/** Standard input is copied to a temporary file first, then read like any file (and shown as `-`). */
async function readStdin(validator: DataValidator, options: ReadOptions): Promise<InputFile | undefined> {
  const spool = await spoolToTempFile(options.stdin ?? process.stdin);
  try {
    return await readPath(spool.file, '-', validator, options);
  } finally {
    await spool.remove();
  }
}

/** Reads the file at `source`, reported as `file`: its bytes decide whether it is a workbook, text, or something to refuse. */
async function readPath(source: string, file: string, validator: DataValidator, options: ReadOptions): Promise<InputFile | undefined> {
  const refuse = (code: string, args: Record<string, string | number> = {}) => {
    validator.report(problem(code, 'error', { file }, args), true);
    return undefined;
  };
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) return refuse('FILE_IS_DIRECTORY');
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? refuse('FILE_NOT_FOUND') : refuse('FILE_UNREADABLE', { detail: code ?? String(error) });
  }
  const extension = path.extname(file).toLowerCase();
  const kind = sniffBytes(await readHead(source, SNIFF_BYTES));
  const limit = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
  const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
  switch (kind) {
    case 'empty':
      return refuse('FILE_EMPTY');
    case 'pdf':
      return refuse('FILE_NOT_SPREADSHEET', { kind: 'PDF' });
    case 'html':
      return refuse('FILE_HTML_WORKBOOK');
    case 'xml':
      return refuse('FILE_XML_WORKBOOK');
    case 'cfb': {
      const names = cfbEntryNames(await readFile(source));
      if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return refuse('FILE_ENCRYPTED');
      if (names.includes('Workbook') || names.includes('Book')) return refuse('FILE_OLD_XLS');
      return refuse('FILE_NOT_SPREADSHEET', { kind: 'OLE (Office 97-2003)' });
    }
    case 'zip': {
      if (size > limit) return refuse('XLSX_TOO_LARGE', { size: megabytes(size), limit: megabytes(limit) });
      const bytes = await readFile(source);
      const entries = zipEntries(bytes);
      if (!entries) return refuse('XLSX_UNREADABLE', { detail: 'zip' });
      const names = new Set(entries.map((e) => e.name));
      if (names.has('xl/workbook.bin')) return refuse('FILE_XLSB');
      if (!names.has('xl/workbook.xml')) return names.has('content.xml') ? refuse('FILE_ODS') : refuse('FILE_NOT_SPREADSHEET', { kind: 'zip' });
      const expanded = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
      if (expanded > limit) return refuse('XLSX_TOO_LARGE', { size: megabytes(expanded), limit: megabytes(limit) });
      if (file !== '-' && !WORKBOOK_EXTENSIONS.has(extension)) validator.report(problem('FILE_EXTENSION_MISMATCH', 'warning', { file }, { kind: 'xlsx', extension }), true);
      const result = await readXlsx(bytes, file, sha256(bytes), validator, options.sheet);
      if ('refused' in result) {
        validator.report(result.refused, true);
        return undefined;
      }
      return result.input;
    }
    case 'text':
      if (WORKBOOK_EXTENSIONS.has(extension)) validator.report(problem('FILE_EXTENSION_MISMATCH', 'warning', { file }, { kind: 'CSV', extension }), true);
      return readText(source, file, validator, options);
  }
}

async function readText(file: string, name: string, validator: DataValidator, options: ReadOptions): Promise<InputFile | undefined> {
  const onBytesRead = options.onBytesRead;
  const totalBytes = onBytesRead === undefined ? 0 : (await stat(file)).size;
  const source = onBytesRead === undefined ? fileSource(file) : countedSource(fileSource(file), (bytesRead) => onBytesRead(name, bytesRead, totalBytes));
  const result = await readCsv(source, name, validator, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    ...(options.secondReader === undefined || options.onRecord === undefined ? {} : { split: { path: file, reader: options.secondReader } }),
  });
  if ('refused' in result) {
    validator.report(result.refused, true);
    return undefined;
  }
  return result.input;
}
