import { uint32Column } from './columns.js';

/** Code units per chunk: a text never spans two chunks, so growing never copies what is stored. */
const CHUNK = 1 << 20;
/** Texts longer than this are kept as strings on the side (an id or a name is never near it). */
const LONG = CHUNK >> 4;
/** Offsets are kept in 32 bits: 4 G code units (8 GB of text) is more than a process can hold anyway. */
const MAX_UNITS = 2 ** 32 - 1;
const NO_UNITS = new Uint16Array(0);
const SCRATCH_LIMIT = 256;
const SCRATCH: number[] = [];

type Units = Uint8Array | Uint16Array;

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
  /** per text: where it ends, as chunk × CHUNK + position */
  private readonly ends = uint32Column();
  private readonly long = new Map<number, string>();
  private readonly found: Located = { units: NO_UNITS, start: 0, end: 0 };

  get length(): number {
    return this.ends.length;
  }

  push(text: string): void {
    const count = this.ends.length;
    // where the last text ended, in the same numbering
    let used = count === 0 ? 0 : this.ends.get(count - 1);
    const length = text.length;
    if (length > LONG) {
      this.long.set(count, text);
      this.ends.push(used);
      return;
    }
    if (!this.wide && !oneByte(text)) this.widen();
    // where it goes in the last chunk (CHUNK when that one is full)
    let at = used - (this.chunks.length - 1) * CHUNK;
    if (this.chunks.length === 0 || at + length > CHUNK) {
      if (this.chunks.length * CHUNK + CHUNK > MAX_UNITS) throw new RangeError('more text than a text column can hold');
      this.chunks.push(this.wide ? new Uint16Array(CHUNK) : new Uint8Array(CHUNK));
      used = (this.chunks.length - 1) * CHUNK;
      at = 0;
    }
    const units = this.chunks[this.chunks.length - 1]!;
    for (let i = 0; i < length; i += 1) units[at + i] = text.charCodeAt(i);
    this.ends.push(used + length);
  }

  /** The text at `index`. */
  get(index: number): string {
    const long = this.long.size === 0 ? undefined : this.long.get(index);
    if (long !== undefined) return long;
    const { units, start, end } = this.locate(index);
    if (end - start > SCRATCH_LIMIT) return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
    // copied into a reused plain array: making a typed-array view per text costs more than the copy
    SCRATCH.length = end - start;
    for (let i = start; i < end; i += 1) SCRATCH[i - start] = units[i]!;
    return String.fromCharCode.apply(null, SCRATCH);
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
    this.chunks = this.chunks.map((chunk) => Uint16Array.from(chunk));
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

/** Whether every code unit of the text fits a byte. */
function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

interface Located {
  units: Units;
  start: number;
  end: number;
}
