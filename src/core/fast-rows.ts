import type { Field } from '../rubric/schema.js';
import { DOT, isDigit, MINUS, NINE, ZERO } from './ascii.js';
import { FNV_OFFSET, FNV_PRIME } from './fnv.js';
import { MAX_DIRECT_DIGITS, POWERS_OF_TEN } from './parse/decimal.js';
import { matchHeader, type HeaderPlan } from './headers.js';
import { parseFieldValue, type CellContext } from './parse/field.js';
import type { FieldSlots } from './records.js';
import type { RecordSpec } from './validate.js';
import type { FieldValue } from './values.js';

/** One unquoted CSV line as UTF-8 bytes: what the fast reader reads instead of a string per cell. */
export interface ByteRow {
  readonly bytes: Uint8Array;
  /** the line's first byte, and the byte after its last (the line ending left out) */
  readonly start: number;
  readonly end: number;
  /** the field delimiter, one ASCII byte */
  readonly delimiter: number;
  /** the text of the bytes [start, end) */
  text(start: number, end: number): string;
}


/** Where the last `leadingDecimal` stopped reading. */
let decimalEnd = 0;

/**
 * Reads `-?digits(.digits)?` from `start` on, as far as it goes before `end`, and notes where it stopped in
 * `decimalEnd`. Gives exactly the value `Number` gives that text, with -0 as 0 as the number grammar reads it
 * (the xlsx reader's `numberText` keeps -0, as `parseFloat` does); NaN when there is no such text there or it has
 * more than 15 digits.
 */
function leadingDecimal(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = at < end && bytes[at] === MINUS;
  if (negative) at += 1;
  let mantissa = 0;
  let digits = 0;
  let b = 0;
  while (at < end && (b = bytes[at]!) >= ZERO && b <= NINE) {
    mantissa = mantissa * 10 + (b - ZERO);
    digits += 1;
    at += 1;
  }
  let scale = 0;
  if (digits > 0 && at < end && b === DOT) {
    at += 1;
    const fraction = at;
    while (at < end && (b = bytes[at]!) >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      at += 1;
    }
    scale = at - fraction;
    digits += scale;
    if (scale === 0) digits = 0;
  }
  decimalEnd = at;
  if (digits === 0 || digits > MAX_DIRECT_DIGITS) return Number.NaN;
  const value = mantissa / POWERS_OF_TEN[scale]!;
  return value === 0 ? 0 : negative ? -value : value;
}

/**
 * A plain decimal cell (`-?digits(.digits)?`) read from its bytes: exactly the value `Number(text)` gives, with -0
 * as 0, as the number grammar reads such text. NaN when the cell is anything else (blank included) or has more
 * than 15 digits; the caller then reads its text by the full grammar.
 */
export function plainDecimal(bytes: Uint8Array, start: number, end: number): number {
  const value = leadingDecimal(bytes, start, end);
  return decimalEnd === end ? value : Number.NaN;
}

/** What the reader does with a column's cells. */
const SKIPPED = 0;
const UNHEADED = 1;
const ID = 2;
const NUMBER = 3;
const INTEGER = 4;
const OTHER = 5;

/** A field read from a column, with how its cells are read. */
interface ColumnRead {
  readonly field: Field;
  readonly slot: number;
  /** the field's bounds, unbounded as infinities */
  readonly min: number;
  readonly max: number;
  /** text columns: outcomes by cell bytes, as such columns repeat a few texts a million times (see CellCache) */
  readonly cache?: CellCache;
}

/** A cached outcome: the cell's bytes, and its value (undefined: the careful validator must read it). */
interface CachedCell {
  readonly bytes: Uint8Array;
  readonly value: FieldValue | undefined;
}

const MAX_CACHED_CELLS = 1024;
/** After this many look-ups a cache that found less than half of them is given up (a name column repeats nothing). */
const CACHE_TRIAL = 1024;

/**
 * Outcomes of a text column's cells by their bytes (a hash of them, then the bytes compared), so that a column such
 * as 시도 does not make a string a row: the outcome of a cell depends on its text alone.
 */
class CellCache {
  private readonly cells = new Map<number, CachedCell>();
  private lookups = 0;
  private hits = 0;
  /** false once the column has shown it does not repeat its texts */
  active = true;

  /** The cached outcome of the bytes [start, end) with this hash, or undefined (null is a blank cell's value). */
  find(bytes: Uint8Array, start: number, end: number, hash: number): CachedCell | undefined {
    this.lookups += 1;
    const cell = this.cells.get(hash);
    if (cell !== undefined && sameBytes(cell.bytes, bytes, start, end)) {
      this.hits += 1;
      return cell;
    }
    if (this.lookups >= CACHE_TRIAL && this.hits * 2 < this.lookups) this.active = false;
    return undefined;
  }

  keep(bytes: Uint8Array, start: number, end: number, hash: number, value: FieldValue | undefined): void {
    if (this.cells.size < MAX_CACHED_CELLS && !this.cells.has(hash)) this.cells.set(hash, { bytes: new Uint8Array(bytes.subarray(start, end)), value });
  }
}

function sameBytes(kept: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (kept.length !== end - start) return false;
  for (let i = 0; i < kept.length; i += 1) if (kept[i] !== bytes[start + i]) return false;
  return true;
}

/** Delimiters that a number's text can hold: a line split at them is left to the careful validator. */
const isNumberByte = (b: number) => isDigit(b) || b === MINUS || b === DOT;

/**
 * Reads plain wide rows of one table from their bytes, typing each cell exactly as the careful validator
 * would (number cells in the plain grammar straight from bytes, every other cell through `parseFieldValue`),
 * cell after cell in one pass over the line. A row is taken only when nothing about it needs reporting: the
 * right number of cells, an id that does not repeat the header, every value valid and in range, required values
 * present, nothing under a column without a header. Anything else gives undefined and the row goes to the careful
 * validator, which reports it. The values are kept in one reused array: `values` is valid until the next row is read.
 */
export class FastRowReader {
  /** per column: what is done with its cells, and the field it is read into */
  private readonly kinds: Uint8Array;
  private readonly reads: (ColumnRead | undefined)[];
  private readonly idField: Field;
  private readonly idSlot: number;
  /** ids are read by the id grammar, and no name of the id field is all digits: an all-digit cell is its own id */
  private readonly digitsAreIds: boolean;
  private readonly current: FieldValue[];
  /** the row's values by field id: what the checks and the grader read */
  readonly values: { readonly get: (field: string) => FieldValue };
  /** the same, by slot */
  readonly slots: FieldSlots;

  constructor(
    spec: RecordSpec,
    plan: HeaderPlan,
    private readonly headerIndex: ReadonlyMap<string, string>,
    private readonly context: CellContext,
  ) {
    const { fields, idField } = spec;
    const slotOf = new Map(fields.map((field, slot) => [field.id, slot]));
    const current: FieldValue[] = fields.map(() => null);
    this.current = current;
    this.values = { get: (field) => current[slotOf.get(field) ?? -1] ?? null };
    this.slots = { slotOf, values: current };
    this.kinds = Uint8Array.from(plan.headers, (header) => (header.trim() === '' ? UNHEADED : SKIPPED));
    this.reads = plan.headers.map(() => undefined);
    fields.forEach((field, slot) => {
      const column = plan.fieldColumns.get(field.id);
      if (column === undefined) return;
      const kind = field.id === idField ? ID : field.type === 'number' || field.type === 'percent' ? NUMBER : field.type === 'integer' ? INTEGER : OTHER;
      this.kinds[column] = kind;
      this.reads[column] = { field, slot, min: field.min ?? -Infinity, max: field.max ?? Infinity, ...(kind === OTHER ? { cache: new CellCache() } : {}) };
    });
    this.idField = fields[slotOf.get(idField)!]!;
    this.idSlot = slotOf.get(idField)!;
    this.digitsAreIds = this.idField.type === 'id' && ![...headerIndex].some(([key, field]) => field === idField && /^[0-9]+$/.test(key));
  }

  /** Reads a row into `values` and gives its id, or undefined when the careful validator must read it. */
  read(row: ByteRow): string | undefined {
    const { bytes, end, delimiter } = row;
    if (isNumberByte(delimiter)) return undefined;
    const kinds = this.kinds;
    const last = kinds.length - 1;
    const current = this.current;
    let id: string | undefined;
    let at = row.start;
    for (let column = 0; column <= last; column += 1) {
      const kind = kinds[column]!;
      let cellEnd = at;
      if (kind === NUMBER || kind === INTEGER) {
        const read = this.reads[column]!;
        const number = leadingDecimal(bytes, at, end);
        cellEnd = decimalEnd;
        const whole = cellEnd === end || bytes[cellEnd] === delimiter;
        if (whole && !Number.isNaN(number) && (kind === NUMBER || Number.isInteger(number))) {
          // the common cell: a plain number, checked against the bounds before it is boxed into the row
          if (!(number >= read.min && number <= read.max)) return undefined;
          current[read.slot] = number;
        } else {
          while (cellEnd < end && bytes[cellEnd] !== delimiter) cellEnd += 1;
          const value = cellEnd === at ? null : this.typed(read.field, row.text(at, cellEnd));
          if (!this.fits(read, value)) return undefined;
          current[read.slot] = value;
        }
      } else if (kind === OTHER) {
        const read = this.reads[column]!;
        const cache = read.cache!;
        let value: FieldValue | undefined;
        if (cache.active) {
          let hash = FNV_OFFSET;
          let b = 0;
          while (cellEnd < end && (b = bytes[cellEnd]!) !== delimiter) {
            hash = Math.imul(hash ^ b, FNV_PRIME);
            cellEnd += 1;
          }
          const cached = cache.find(bytes, at, cellEnd, hash);
          if (cached !== undefined) value = cached.value;
          else {
            value = this.typed(read.field, row.text(at, cellEnd));
            cache.keep(bytes, at, cellEnd, hash, value);
          }
        } else {
          while (cellEnd < end && bytes[cellEnd] !== delimiter) cellEnd += 1;
          value = this.typed(read.field, row.text(at, cellEnd));
        }
        if (!this.fits(read, value)) return undefined;
        current[read.slot] = value;
      } else if (kind === ID) {
        let digits = true;
        let b = 0;
        while (cellEnd < end && (b = bytes[cellEnd]!) !== delimiter) {
          if (!isDigit(b)) digits = false;
          cellEnd += 1;
        }
        id = digits && cellEnd > at && this.digitsAreIds ? row.text(at, cellEnd) : this.textId(row.text(at, cellEnd));
        if (id === undefined) return undefined;
        current[this.idSlot] = id;
      } else {
        while (cellEnd < end && bytes[cellEnd] !== delimiter) cellEnd += 1;
        if (kind === UNHEADED && cellEnd !== at) return undefined;
      }
      // every cell but the last ends at a delimiter, the last at the line end
      if (column < last ? cellEnd === end : cellEnd !== end) return undefined;
      at = cellEnd + 1;
    }
    return id;
  }

  /** Whether a value may be taken as it is: valid, present when required, within the field's bounds. */
  private fits(read: ColumnRead, value: FieldValue | undefined): value is FieldValue {
    if (value === undefined) return false;
    if (value === null) return !read.field.required;
    return typeof value !== 'number' || (value >= read.min && value <= read.max);
  }

  /** An id cell's id by the full grammar: undefined when it is blank, not valid or repeats the id's header. */
  private textId(text: string): string | undefined {
    const id = this.typed(this.idField, text);
    if (typeof id !== 'string' || id.includes('\uFFFD') || matchHeader(text, this.headerIndex) === this.idField.id) return undefined;
    return id;
  }

  /** A cell's value by the full grammar, or undefined when the careful validator would report the cell. */
  private typed(field: Field, text: string): FieldValue | undefined {
    const outcome = parseFieldValue(field, text, this.context);
    return !outcome.ok || text.includes('\uFFFD') ? undefined : outcome.value;
  }
}
