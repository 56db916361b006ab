import type { ByteRow } from '../core/fast-rows.js';
import { splitLine, type PlainCsvOptions, type PlainCsvRest } from './plain-csv.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf] as const;

/** What scanning a line found: where it ends (its LF, or the end of the buffer), quotes and carriage returns. */
interface LineScan {
  end: number;
  quoted: boolean;
  carriageReturns: number;
}

const scanned: LineScan = { end: 0, quoted: false, carriageReturns: 0 };

/**
 * One pass over a line from `at`: each delimiter ends a cell (noted in `row`), the line ends at LF or the end of
 * the buffer. A function of its own, so that its loop keeps everything in locals.
 */
function scanLine(bytes: Buffer, at: number, delimiterByte: number, row: LineCells): LineScan {
  const length = bytes.length;
  let cellStart = at;
  let quoted = false;
  let carriageReturns = 0;
  let p = at;
  row.count = 0;
  for (; p < length; p += 1) {
    const b = bytes[p]!;
    if (b === delimiterByte) {
      row.push(cellStart, p);
      cellStart = p + 1;
    } else if (b === LF) break;
    else if (b === QUOTE) quoted = true;
    else if (b === CR) carriageReturns += 1;
  }
  row.lastCellStart = cellStart;
  scanned.end = p;
  scanned.quoted = quoted;
  scanned.carriageReturns = carriageReturns;
  return scanned;
}

/** What the byte reader hands on: an unquoted line as byte ranges, or a quoted line split into cells. */
export interface PlainBytesHandlers {
  /** an unquoted line; the row and its buffer are reused for the next line */
  readonly onRow: (row: LineCells) => void;
  /** a line with quotes, split as the plain text reader splits it */
  readonly onCells: (cells: string[]) => void;
}

const startsWithBom = (bytes: Uint8Array, at: number) => bytes[at] === BOM[0] && bytes[at + 1] === BOM[1] && bytes[at + 2] === BOM[2];

/** Reusable cell ranges of one unquoted line. */
export class LineCells implements ByteRow {
  bytes: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  /** where the last cell of the line being scanned starts */
  lastCellStart = 0;

  text(cell: number): string {
    return this.bytes.toString('utf8', this.starts[cell]!, this.ends[cell]!);
  }

  /** The cells as strings: the line decoded once and split, as the text reader does. */
  cells(): string[] {
    return splitLine(this.bytes.toString('utf8', this.starts[0]!, this.ends[this.count - 1]!), this.delimiter)!;
  }

  constructor(private readonly delimiter: string) {}

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count += 1;
  }
}

/**
 * The plain-CSV reader of `plain-csv.ts` working on the UTF-8 bytes themselves, for text known to be valid
 * UTF-8: the same lines read, the same place to stop, the same rest handed to the careful parser, but an
 * unquoted line is handed on as byte ranges, so that number cells need never become strings. Lines with quotes
 * are decoded and split by the text reader's own `splitLine`. Up to two byte-order marks at the start are
 * dropped, as decoding (one) and the text reader (one more) drop them.
 */
export async function readPlainBytes(chunks: AsyncIterable<Uint8Array>, options: PlainCsvOptions, handlers: PlainBytesHandlers): Promise<PlainCsvRest | undefined> {
  const { delimiter, maxRecordChars } = options;
  const iterator = chunks[Symbol.asyncIterator]();
  const delimiterByte = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delimiterByte > 0x7f || delimiterByte === QUOTE || delimiterByte === CR || delimiterByte === LF) {
    return { text: decodeRest(new Uint8Array(0), iterator, true) };
  }
  const row = new LineCells(delimiter);
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let recordDelimiter: string | undefined;
  const rest = (at: number): PlainCsvRest => {
    const text = decodeRest(buffer.subarray(at), iterator, !started);
    return recordDelimiter === undefined ? { text } : { text, recordDelimiter };
  };
  for (;;) {
    const next = await iterator.next();
    const done = next.done === true;
    if (!done) buffer = buffer.length === 0 ? Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength) : Buffer.concat([buffer, next.value]);
    let at = 0;
    if (!started) {
      if (buffer.length < 2 * BOM.length && !done) continue;
      if (startsWithBom(buffer, at)) at += BOM.length;
      if (startsWithBom(buffer, at)) at += BOM.length;
      started = true;
    }
    const length = buffer.length;
    row.bytes = buffer;
    for (;;) {
      const scan = scanLine(buffer, at, delimiterByte, row);
      const p = scan.end;
      const { quoted, carriageReturns } = scan;
      const newline = p < length ? p : -1;
      if (newline < 0 && !done) {
        if (length - at >= maxRecordChars) return rest(at);
        break;
      }
      if (newline < 0 && at === length) break;
      const crlf = newline > at && buffer[newline - 1] === CR;
      const ending = newline < 0 ? recordDelimiter : crlf ? '\r\n' : '\n';
      if (recordDelimiter !== undefined && ending !== recordDelimiter) return rest(at);
      const lineEnd = newline < 0 ? length : crlf ? newline - 1 : newline;
      if (carriageReturns > (crlf ? 1 : 0) || lineEnd - at >= maxRecordChars) return rest(at);
      if (quoted) {
        const cells = splitLine(buffer.toString('utf8', at, lineEnd), delimiter);
        if (cells === undefined) return rest(at);
        recordDelimiter = ending;
        handlers.onCells(cells);
      } else {
        row.push(row.lastCellStart, lineEnd);
        recordDelimiter = ending;
        handlers.onRow(row);
      }
      at = newline < 0 ? length : newline + 1;
    }
    buffer = buffer.subarray(at);
    if (done) return undefined;
  }
}

/** The rest of valid UTF-8 text as decoded pieces: what is left of the buffer, then the chunks still to come. */
async function* decodeRest(head: Uint8Array, iterator: AsyncIterator<Uint8Array>, atStart: boolean): AsyncGenerator<string> {
  // mid-file a U+FEFF is text; at the very start decoding would have dropped one
  const decoder = new TextDecoder('utf-8', { ignoreBOM: !atStart });
  const first = decoder.decode(head, { stream: true });
  if (first !== '') yield first;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    const text = decoder.decode(next.value, { stream: true });
    if (text !== '') yield text;
  }
  const last = decoder.decode();
  if (last !== '') yield last;
}
