import { CR, LF, QUOTE } from '../core/ascii.js';
import type { ByteRow } from '../core/fast-rows.js';
import { splitLine, type PlainCsvOptions, type PlainCsvRest } from './plain-csv.js';

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Where one byte value next occurs at or after a position, looked up again only once passed: quotes and CRs are
 * rare, so a buffer without them is searched for them once, not once per line.
 */
class NextByte {
  private found = -1;
  private searchedFrom = Infinity;

  constructor(
    private readonly bytes: Buffer,
    private readonly value: number,
  ) {}

  /** The next position at or after `position`, or -1. */
  after(position: number): number {
    if (position < this.searchedFrom || (this.found >= 0 && this.found < position)) {
      this.found = this.bytes.indexOf(this.value, position);
      this.searchedFrom = position;
    }
    return this.found;
  }
}

/** What the byte reader hands on: an unquoted line as its bytes, or a quoted line split into cells. */
export interface PlainBytesHandlers {
  /** an unquoted line; the row and its buffer are reused for the next line */
  readonly onRow: (row: LineBytes) => void;
  /** a line with quotes, split as the plain text reader splits it */
  readonly onCells: (cells: string[]) => void;
  /** told the record delimiter ("\r\n" or "\n") once the first line has shown it */
  readonly onRecordDelimiter?: (recordDelimiter: string) => void;
}

/**
 * Reading a file in two parts at once: the line start where another reader takes over, or where this reader
 * starts when it is that other reader.
 */
export interface PlainBytesSplit {
  /** the source starts at a line start in the middle of the file, after lines read with this record delimiter */
  readonly continues?: { readonly recordDelimiter: string };
  /**
   * the byte offset in the source of a line start: when every line before it has been read plainly, `reached`
   * is awaited there, and the reader stops (as at the end of the file) when it gives true
   */
  readonly boundary?: { readonly offset: number; readonly reached: () => Promise<boolean> };
}

const startsWithBom = (bytes: Uint8Array, at: number) => bytes[at] === BOM[0] && bytes[at + 1] === BOM[1] && bytes[at + 2] === BOM[2];

/** One unquoted line of the buffer being read, reused for the next line. */
export class LineBytes implements ByteRow {
  bytes: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  readonly delimiter: number;

  constructor(private readonly delimiterText: string) {
    this.delimiter = delimiterText.charCodeAt(0);
  }

  text(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  /** The cells as strings: the line decoded once and split, as the text reader does. */
  cells(): string[] {
    return splitLine(this.bytes.toString('utf8', this.start, this.end), this.delimiterText)!;
  }
}

/**
 * The plain-CSV reader of `plain-csv.ts` working on the UTF-8 bytes themselves, for text known to be valid
 * UTF-8: the same lines read, the same place to stop, the same rest handed to the careful parser, but an
 * unquoted line is handed on as its bytes, so that number cells need never become strings. Lines with quotes
 * are decoded and split by the text reader's own `splitLine`. Up to two byte-order marks at the start are
 * dropped, as decoding (one) and the text reader (one more) drop them.
 */
export async function readPlainBytes(
  chunks: AsyncIterable<Uint8Array>,
  options: PlainCsvOptions,
  handlers: PlainBytesHandlers,
  split: PlainBytesSplit = {},
): Promise<PlainCsvRest | undefined> {
  const { delimiter, maxRecordChars } = options;
  const iterator = chunks[Symbol.asyncIterator]();
  const delimiterByte = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delimiterByte > 0x7f || delimiterByte === QUOTE || delimiterByte === CR || delimiterByte === LF) {
    return { text: decodeRest(new Uint8Array(0), iterator, true) };
  }
  const row = new LineBytes(delimiter);
  let buffer: Buffer = Buffer.alloc(0);
  // where the buffer's first byte is in the source
  let offset = 0;
  let boundary = split.boundary;
  let started = split.continues !== undefined;
  let recordDelimiter = split.continues?.recordDelimiter;
  const learn = (ending: string | undefined) => {
    recordDelimiter = ending;
    if (ending !== undefined) handlers.onRecordDelimiter?.(ending);
  };
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
    const quotes = new NextByte(buffer, QUOTE);
    const carriageReturns = new NextByte(buffer, CR);
    for (;;) {
      if (boundary !== undefined && offset + at === boundary.offset) {
        const stop = await boundary.reached();
        boundary = undefined;
        if (stop) {
          await iterator.return?.();
          return undefined;
        }
      }
      const newline = buffer.indexOf(LF, at);
      if (newline < 0 && !done) {
        if (length - at >= maxRecordChars) return rest(at);
        break;
      }
      if (newline < 0 && at === length) break;
      const crlf = newline > at && buffer[newline - 1] === CR;
      const ending = newline < 0 ? recordDelimiter : crlf ? '\r\n' : '\n';
      if (recordDelimiter !== undefined && ending !== recordDelimiter) return rest(at);
      const lineEnd = newline < 0 ? length : crlf ? newline - 1 : newline;
      // a CR anywhere but just before the LF (a lone CR) is for the careful parser
      const cr = carriageReturns.after(at);
      const loneCr = cr >= 0 && cr < lineEnd;
      if (lineEnd - at >= maxRecordChars || loneCr) return rest(at);
      const quote = quotes.after(at);
      if (quote >= 0 && quote < lineEnd) {
        const cells = splitLine(buffer.toString('utf8', at, lineEnd), delimiter);
        if (cells === undefined) return rest(at);
        if (recordDelimiter === undefined) learn(ending);
        handlers.onCells(cells);
      } else {
        row.start = at;
        row.end = lineEnd;
        if (recordDelimiter === undefined) learn(ending);
        handlers.onRow(row);
      }
      at = newline < 0 ? length : newline + 1;
    }
    buffer = buffer.subarray(at);
    offset += at;
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
