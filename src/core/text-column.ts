import { sharedUint16, sharedUint32, sharedUint8, uint32Column } from './columns.js';

/** Code units per chunk: a text never spans two chunks, so growing never copies what is stored. */
const CHUNK = 1 << 20;
/** Texts longer than this are kept as strings on the side (an id or a name is never near it). */
const LONG = CHUNK >> 4;
/** Offsets are kept in 32 bits: 4 G code units (8 GB of text) is more than a process can hold anyway. */
const MAX_UNITS = 2 ** 32 - 1;
const NO_UNITS = new Uint16Array(0);
const SCRATCH_LIMIT = 256;
/** A prefix (see `prefix`) packs this many bits of units: exact in a double. */
const PREFIX_BITS = 48;
const SCRATCH: number[] = [];

/** A text column's code units: a byte each until some text needs two. */
export type Units = Uint8Array | Uint16Array;

/** A text column as plain data, to be sent to another thread and read there with `TextColumn.from`. */
export interface TextColumnData {
  readonly chunks: readonly Units[];
  readonly wide: boolean;
  /** per text, where it ends (the ends column's parts) */
  readonly ends: readonly Uint32Array[];
  readonly long: ReadonlyMap<number, string>;
}

/**
 * Texts appended one by one and kept packed as their UTF-16 code units in chunks of typed arrays, a byte a unit
 * until a text needs more (as V8 keeps one-byte strings): a million ids cost a byte a digit and four for the
 * offset, a million Korean names two bytes a character, instead of a string object each for the garbage
 * collector to keep and walk. A text comes back exactly as it went in (lone surrogates included), and texts
 * compare as JavaScript compares strings (by code unit), without being made into strings.
 */
export class TextColumn {
  private chunks: Units[] = [];
  /** whether units take two bytes (some text has a unit above U+00FF) */
  private wide = false;
  private readonly long = new Map<number, string>();
  private readonly found: Located = { units: NO_UNITS, start: 0, end: 0 };

  get length(): number {
    return this.ends.length;
  }

  /** The column as plain data (its arrays, not copies: push no more once it is sent). */
  data(): TextColumnData {
    return { chunks: this.chunks, wide: this.wide, ends: this.ends.parts(), long: this.long };
  }

  /** A column holding the texts of `data` (its arrays taken, not copied). */
  static from(data: TextColumnData): TextColumn {
    const column = new TextColumn(uint32Column(...data.ends));
    column.chunks = [...data.chunks];
    column.wide = data.wide;
    for (const [index, text] of data.long) column.long.set(index, text);
    return column;
  }

  /** `ends`: per text, where it ends, as chunk × CHUNK + position */
  constructor(private readonly ends = uint32Column()) {}

  /** Makes room for `count` texts in all (see Column.expect); the units grow chunk by chunk anyway. */
  expect(count: number): void {
    this.ends.expect(count);
  }

  push(text: string): void {
    const length = text.length;
    if (length > LONG) {
      this.pushLong(text);
      return;
    }
    if (!this.wide && !oneByte(text)) this.widen();
    const { units, start } = this.room(length);
    for (let i = 0; i < length; i += 1) units[start + i] = text.charCodeAt(i);
  }

  /**
   * Appends the texts of `data` (another thread's column), taking its chunks as they are when both columns have
   * the same width, else copying them unit by unit; either way they read back as pushing them would have stored them.
   */
  adopt(data: TextColumnData): void {
    const other = TextColumn.from(data);
    if (other.wide !== this.wide && this.length > 0) {
      for (let index = 0; index < other.length; index += 1) this.pushFrom(other, index);
      return;
    }
    this.wide = other.wide;
    const count = this.length;
    const lastEnd = count === 0 ? 0 : this.ends.get(count - 1);
    const base = this.chunks.length * CHUNK;
    if (data.chunks.length * CHUNK + base > MAX_UNITS) throw new RangeError('more text than a text column can hold');
    // chunks without a unit (the other column's texts all empty or long) are left behind: texts go on in this one's last
    const units = other.length > 0 && other.ends.get(other.length - 1) > 0;
    if (units) this.chunks.push(...data.chunks);
    // an end of 0 is a text before the other column's first unit: it ends where this column's texts end
    const ends = sharedUint32(other.length);
    for (let index = 0; index < ends.length; index += 1) {
      const end = other.ends.get(index);
      ends[index] = end === 0 ? lastEnd : base + end;
    }
    this.ends.adopt(ends);
    for (const [index, text] of data.long) this.long.set(count + index, text);
  }

  /** Appends the text at `index` of `other`, without making it a string. */
  pushFrom(other: TextColumn, index: number): void {
    const long = other.long.size === 0 ? undefined : other.long.get(index);
    if (long !== undefined) {
      this.pushLong(long);
      return;
    }
    const { units: from, start: fromStart, end: fromEnd } = other.locate(index);
    if (!this.wide && other.wide && !oneByteUnits(from, fromStart, fromEnd)) this.widen();
    const { units, start } = this.room(fromEnd - fromStart);
    for (let i = fromStart; i < fromEnd; i += 1) units[start + i - fromStart] = from[i]!;
  }

  /** Where the text at `index` lies (read it before the next look-up), or undefined for a long text (use `get`). */
  unitsOf(index: number): Readonly<Located> | undefined {
    return this.long.size > 0 && this.long.has(index) ? undefined : this.locate(index);
  }

  private pushLong(text: string): void {
    const count = this.ends.length;
    this.long.set(count, text);
    this.ends.push(count === 0 ? 0 : this.ends.get(count - 1));
  }

  /** Room for the next text of `length` units, noted as pushed: the chunk, and where in it the text goes. */
  private room(length: number): Located {
    const count = this.ends.length;
    // where the last text ended, in the same numbering
    let used = count === 0 ? 0 : this.ends.get(count - 1);
    // where it goes in the last chunk (CHUNK when that one is full)
    let at = used - (this.chunks.length - 1) * CHUNK;
    if (this.chunks.length === 0 || at + length > CHUNK) {
      if (this.chunks.length * CHUNK + CHUNK > MAX_UNITS) throw new RangeError('more text than a text column can hold');
      this.chunks.push(this.wide ? sharedUint16(CHUNK) : sharedUint8(CHUNK));
      used = (this.chunks.length - 1) * CHUNK;
      at = 0;
    }
    this.ends.push(used + length);
    const into = this.found;
    into.units = this.chunks[this.chunks.length - 1]!;
    into.start = at;
    into.end = at + length;
    return into;
  }

  /** The text at `index`. */
  get(index: number): string {
    const long = this.long.size === 0 ? undefined : this.long.get(index);
    return long ?? textOf(this.locate(index));
  }

  /** -1, 0 or 1 as the text at `a` sorts before, with or after the text at `b` (JavaScript's `<` on strings). */
  compare(a: number, b: number): number {
    if (this.long.size > 0 && (this.long.has(a) || this.long.has(b))) {
      const x = this.get(a);
      const y = this.get(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const { units: x, start: xStart, end: xEnd } = this.locate(a);
    const { units: y, start: yStart, end: yEnd } = this.locate(b);
    const xLength = xEnd - xStart;
    const yLength = yEnd - yStart;
    const shorter = Math.min(xLength, yLength);
    for (let i = 0; i < shorter; i += 1) {
      const difference = x[xStart + i]! - y[yStart + i]!;
      if (difference !== 0) return difference < 0 ? -1 : 1;
    }
    return xLength < yLength ? -1 : xLength > yLength ? 1 : 0;
  }

  /**
   * A number that orders as the text at `index` does as far as its first units go (48 bits' worth: six units of a
   * byte, or three of two): a text with a smaller prefix sorts before, texts with equal ones need `compare`.
   */
  prefix(index: number): number {
    const long = this.long.size === 0 ? undefined : this.long.get(index);
    const bits = this.wide ? 16 : 8;
    const top = 2 ** bits - 1;
    let units: ArrayLike<number>;
    let start = 0;
    let end: number;
    if (long !== undefined) {
      units = SCRATCH;
      SCRATCH.length = Math.min(long.length, PREFIX_BITS / bits);
      for (let i = 0; i < SCRATCH.length; i += 1) SCRATCH[i] = long.charCodeAt(i);
      end = SCRATCH.length;
    } else ({ units, start, end } = this.locate(index));
    let key = 0;
    let saturated = false;
    for (let i = 0; i < PREFIX_BITS / bits; i += 1) {
      // a unit too wide to pack (a long text's, in a byte-wide column) sorts after every packable one: from it on
      // the prefix is all ones, no less than any text that starts the same and sorts before this one
      const unit = start + i < end ? units[start + i]! : 0;
      saturated ||= unit > top;
      key = key * 2 ** bits + (saturated ? top : unit);
    }
    return key;
  }

  /** Whether the text at `index` (not a long one) has exactly the units [start, end) of `units`. */
  sameAs(index: number, units: Units, start: number, end: number): boolean {
    if (this.long.size > 0 && this.long.has(index)) return false;
    const { units: own, start: ownStart, end: ownEnd } = this.locate(index);
    if (ownEnd - ownStart !== end - start) return false;
    for (let i = 0; i < end - start; i += 1) if (own[ownStart + i] !== units[start + i]) return false;
    return true;
  }

  /** Whether the text at `index` is `text`. */
  equals(index: number, text: string): boolean {
    if (this.long.size > 0 && this.long.has(index)) return this.long.get(index) === text;
    const { units, start, end } = this.locate(index);
    if (end - start !== text.length) return false;
    for (let i = 0; i < text.length; i += 1) if (units[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Two bytes a unit from now on: the texts so far are copied into wide chunks, once. */
  private widen(): void {
    this.chunks = this.chunks.map((chunk) => {
      const wide = sharedUint16(chunk.length);
      wide.set(chunk);
      return wide;
    });
    this.wide = true;
  }

  /** Where the text at `index` lies: its chunk and range, in one reused object (read it before the next look-up). */
  private locate(index: number): Located {
    const into = this.found;
    const end = this.ends.get(index);
    const previous = index === 0 ? 0 : this.ends.get(index - 1);
    if (end === previous) {
      into.units = NO_UNITS;
      into.start = into.end = 0;
      return into;
    }
    // the text lies in the chunk its last unit is in, from the previous end or that chunk's start
    const chunk = Math.floor((end - 1) / CHUNK);
    into.units = this.chunks[chunk]!;
    into.start = Math.max(previous, chunk * CHUNK) - chunk * CHUNK;
    into.end = end - chunk * CHUNK;
    return into;
  }
}

/** The text of located code units. */
export function textOf({ units, start, end }: Readonly<Located>): string {
  if (end - start > SCRATCH_LIMIT) return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
  // copied into a reused plain array: making a typed-array view per text costs more than the copy
  SCRATCH.length = end - start;
  for (let i = start; i < end; i += 1) SCRATCH[i - start] = units[i]!;
  return String.fromCharCode.apply(null, SCRATCH);
}

/** Whether every code unit of [start, end) fits a byte. */
function oneByteUnits(units: Units, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (units[i]! > 0xff) return false;
  return true;
}

/** Whether every code unit of the text fits a byte. */
function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Where a text's code units lie. */
export interface Located {
  units: Units;
  start: number;
  end: number;
}
