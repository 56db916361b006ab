import { COMMA, CR, DOT, EQUALS, LF, MINUS, QUOTE, SLASH, TAB, ZERO } from '../core/ascii.js';
import { formatPoints } from '../core/format-number.js';
import type { Located } from '../core/text-column.js';
import type { CellWriter } from './grade-rows.js';

/** First bytes of a cell csv-stringify escapes as a possible formula: - = + @ tab CR (the full-width ones start with EF BC). */
const FORMULA_START = new Set([MINUS, EQUALS, 0x2b, 0x40, TAB, CR]);
/** Third bytes of full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) after EF BC. */
const FULL_WIDTH_FORMULA = new Set([0x9d, 0x8b, 0x8d, 0xa0]);
/** Below this, k / 100 prints with toFixed(2) as exactly the digits of k (the double is far closer than half a cent). */
const EXACT_CENTS = 1e15;
/** A piece is handed on once it holds this many bytes; a line may run past it (into the slack, or a grown piece). */
const PIECE_BYTES = 1 << 18;
const PIECE_SLACK = 1 << 14;

/** Texts up to this long are encoded here: Buffer's own encoder costs more to call than to run on a short text. */
const SHORT_TEXT = 64;

/** Short texts are copied here as code units, to be encoded as packed texts are. */
const SHORT_UNITS = new Uint16Array(SHORT_TEXT);

/** Writes UTF-16 code units [start, end) as UTF-8 (a lone surrogate as U+FFFD, as Buffer does) at `at`; the end. */
function encodeUtf8(units: ArrayLike<number>, start: number, end: number, into: Uint8Array, at: number): number {
  let i = start;
  while (i < end) {
    let c = units[i++]!;
    if (c < 0x80) {
      into[at++] = c;
      continue;
    }
    if (c < 0x800) {
      into[at++] = 0xc0 | (c >> 6);
      into[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = i < end ? units[i]! : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        i += 1;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        into[at++] = 0xf0 | (c >> 18);
        into[at++] = 0x80 | ((c >> 12) & 0x3f);
        into[at++] = 0x80 | ((c >> 6) & 0x3f);
        into[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    into[at++] = 0xe0 | (c >> 12);
    into[at++] = 0x80 | ((c >> 6) & 0x3f);
    into[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/**
 * CSV lines written straight into byte pieces: numbers as digits without a string each, text as UTF-8, and each
 * line checked for what would make csv-stringify quote or escape a cell (a comma, quote or line break in it, or
 * a first character like a formula's) so the caller can write that line the careful way instead.
 * Two buffers take turns: a piece handed on stays as it is until the next one has been handed on too, and is then
 * written over. A million lines thus leave no trail of dead buffers, which the collector frees only after some
 * 64 MB of them (per thread) have built up outside its heap.
 */
export class CsvBytes implements CellWriter<void> {
  private piece: Buffer = Buffer.allocUnsafe(PIECE_BYTES + PIECE_SLACK);
  /** the buffer of the piece handed on last, written into after the next */
  private spare: Buffer | undefined;
  private at = 0;
  private lineStart = 0;
  private plain = true;
  private cells = 0;

  /** Starts a line. */
  beginLine(): void {
    this.lineStart = this.at;
    this.plain = true;
    this.cells = 0;
  }

  /** Whether every cell of the line so far stands as it is in csv-stringify's output. */
  get isPlain(): boolean {
    return this.plain;
  }

  /** Forgets the line begun last (to write it another way). */
  dropLine(): void {
    this.at = this.lineStart;
  }

  /** A text cell. */
  text(value: string): void {
    const start = this.cellStart(value.length * 3);
    if (value.length > SHORT_TEXT) this.at += this.piece.write(value, this.at, 'utf8');
    else {
      for (let i = 0; i < value.length; i += 1) SHORT_UNITS[i] = value.charCodeAt(i);
      this.at = encodeUtf8(SHORT_UNITS, 0, value.length, this.piece, this.at);
    }
    this.checkText(start);
  }

  /** A text cell given as its code units (a packed text's: no string made). */
  units({ units, start, end }: Readonly<Located>): void {
    const cellStart = this.cellStart((end - start) * 3);
    this.at = encodeUtf8(units, start, end, this.piece, this.at);
    this.checkText(cellStart);
  }

  /** Points with two decimals, rounded half up: the text `formatPoints` gives. */
  points(value: number): void {
    const start = this.cellStart(24);
    const scaled = Math.abs(value) * 100;
    // the whole number of cents roundHalfUp(value, 2) is, by its very formula
    const cents = Math.floor(scaled + 0.5 + scaled * 1e-12);
    if (!(cents < EXACT_CENTS)) return this.ascii(formatPoints(value), start);
    if (value < 0 && cents !== 0) {
      this.piece[this.at++] = MINUS;
      this.plain = false;
    }
    const whole = Math.floor(cents / 100);
    const part = cents - whole * 100;
    this.digits(whole);
    this.piece[this.at++] = DOT;
    this.piece[this.at++] = ZERO + Math.floor(part / 10);
    this.piece[this.at++] = ZERO + (part % 10);
  }

  /** A whole number, as `String` writes it. */
  whole(value: number): void {
    this.wholeDigits(value, this.cellStart(24));
  }

  /** Two whole numbers as `a/b`. */
  wholeOf(value: number, of: number): void {
    const start = this.cellStart(48);
    this.wholeDigits(value, start);
    this.reserve(1);
    this.piece[this.at++] = SLASH;
    this.wholeDigits(of, start);
  }

  /** Text already known to stand as it is (a line's fixed end), written as it is. */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.piece.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** A piece to hand on when enough has been written (at a line's end), or undefined. */
  full(): Buffer | undefined {
    return this.at >= PIECE_BYTES ? this.take() : undefined;
  }

  /** What is written and not yet handed on (valid until two more pieces are taken); the writer starts a new piece. */
  take(): Buffer {
    const done = this.piece.subarray(0, this.at);
    const next = this.spare ?? Buffer.allocUnsafe(PIECE_BYTES + PIECE_SLACK);
    this.spare = this.piece;
    this.piece = next;
    this.at = 0;
    this.lineStart = 0;
    return done;
  }

  /** A whole number written within the cell that starts at `cellStart`. */
  private wholeDigits(value: number, cellStart: number): void {
    if (Number.isSafeInteger(value) && value >= 0) this.digits(value);
    else this.ascii(String(value), cellStart);
  }

  /** Makes room for a cell of at most `bytes` bytes, after a comma unless it is the line's first; its start. */
  private cellStart(bytes: number): number {
    this.reserve(bytes + 1);
    if (this.cells > 0) this.piece[this.at++] = COMMA;
    this.cells += 1;
    return this.at;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.piece.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.piece.length * 2, this.at + bytes));
    this.piece.copy(bigger, 0, 0, this.at);
    this.piece = bigger;
  }

  private digits(value: number): void {
    let length = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) length += 1;
    let end = this.at + length;
    this.at = end;
    let rest = value;
    do {
      const next = Math.floor(rest / 10);
      this.piece[--end] = ZERO + (rest - next * 10);
      rest = next;
    } while (rest > 0);
  }

  /**
   * ASCII text (a number's text in a rare form) written within the cell that starts at `cellStart`, with room
   * made for all of it; the cell is checked for quoting from its start.
   */
  private ascii(text: string, cellStart: number): void {
    this.reserve(text.length);
    this.at += this.piece.write(text, this.at, 'latin1');
    this.checkText(cellStart);
  }

  private checkText(start: number): void {
    const piece = this.piece;
    const end = this.at;
    if (start === end || !this.plain) return;
    const first = piece[start]!;
    if (FORMULA_START.has(first) || (first === 0xef && piece[start + 1] === 0xbc && FULL_WIDTH_FORMULA.has(piece[start + 2]!))) {
      this.plain = false;
      return;
    }
    for (let i = start; i < end; i += 1) {
      const b = piece[i]!;
      if (b === COMMA || b === QUOTE || b === CR || b === LF) {
        this.plain = false;
        return;
      }
    }
  }
}
