import type { Field } from '../rubric/schema.js';
import { matchHeader, type HeaderPlan } from './headers.js';
import { parseFieldValue, type CellContext } from './parse/field.js';
import type { ParseOutcome } from './parse/outcome.js';
import type { FieldSlots } from './records.js';
import type { RecordSpec } from './validate.js';
import type { FieldValue } from './values.js';

/** One CSV line's cells as byte ranges of UTF-8 text: what the fast reader hands on instead of a string per cell. */
export interface ByteRow {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  /** the text of one cell */
  text(cell: number): string;
}

/** Powers of ten exactly representable as doubles (10^0 … 10^22), written as literals so none is computed. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Up to 15 digits the mantissa stays below 2^53, so mantissa / 10^k is the correctly rounded value (Clinger's fast path). */
const MAX_DIRECT_DIGITS = 15;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;

/**
 * A plain decimal cell (`-?digits(.digits)?`) read from its bytes: exactly the value `Number(text)` gives, with -0
 * as 0, as the number grammar reads such text. NaN when the cell is anything else (blank included) or has more
 * than 15 digits; the caller then reads its text by the full grammar.
 */
export function plainDecimal(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = at < end && bytes[at] === MINUS;
  if (negative) at += 1;
  let mantissa = 0;
  let digits = 0;
  while (at < end) {
    const b = bytes[at]!;
    if (b < ZERO || b > NINE) break;
    mantissa = mantissa * 10 + (b - ZERO);
    digits += 1;
    at += 1;
  }
  if (digits === 0) return Number.NaN;
  let scale = 0;
  if (at < end) {
    if (bytes[at] !== DOT) return Number.NaN;
    at += 1;
    const fraction = at;
    while (at < end) {
      const b = bytes[at]!;
      if (b < ZERO || b > NINE) return Number.NaN;
      mantissa = mantissa * 10 + (b - ZERO);
      at += 1;
    }
    scale = at - fraction;
    digits += scale;
    if (scale === 0) return Number.NaN;
  }
  if (digits > MAX_DIRECT_DIGITS) return Number.NaN;
  const value = mantissa / POWERS_OF_TEN[scale]!;
  return value === 0 ? 0 : negative ? -value : value;
}

const NUMBER = 0;
const INTEGER = 1;
const OTHER = 2;

/** A field read from a column, with how its cells are read. */
interface ColumnRead {
  readonly field: Field;
  readonly slot: number;
  readonly column: number;
  readonly kind: typeof NUMBER | typeof INTEGER | typeof OTHER;
  /** outcomes of a field with listed values, by cell text: such columns repeat a few texts a million times */
  readonly outcomes?: Map<string, ParseOutcome<FieldValue>>;
}

/** A field's values list, when it has one, makes its column worth caching. */
const MAX_CACHED_TEXTS = 1024;

/**
 * Reads plain wide rows of one table from their bytes, typing each cell exactly as the careful validator
 * would (number cells in the plain grammar straight from bytes, every other cell through `parseFieldValue`).
 * A row is taken only when nothing about it needs reporting: the right number of cells, an id that does not
 * repeat the header, every value valid and in range, required values present, nothing under a column without
 * a header. Anything else gives undefined and the row goes to the careful validator, which reports it.
 * The values are kept in one reused array: `values` is valid until the next row is read.
 */
export class FastRowReader {
  private readonly reads: ColumnRead[];
  private readonly idRead: ColumnRead;
  private readonly unheaded: number[];
  private readonly width: number;
  private readonly slotOf: ReadonlyMap<string, number>;
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
    this.slotOf = new Map(fields.map((field, slot) => [field.id, slot]));
    this.current = fields.map(() => null);
    const current = this.current;
    const slots = this.slotOf;
    this.values = { get: (field) => current[slots.get(field) ?? -1] ?? null };
    this.slots = { slotOf: slots, values: current };
    this.reads = [];
    let idRead: ColumnRead | undefined;
    fields.forEach((field, slot) => {
      const column = plan.fieldColumns.get(field.id);
      if (column === undefined) return;
      const kind = field.type === 'number' || field.type === 'percent' ? NUMBER : field.type === 'integer' ? INTEGER : OTHER;
      const read: ColumnRead = field.values !== undefined && field.values.length > 0 ? { field, slot, column, kind, outcomes: new Map() } : { field, slot, column, kind };
      if (field.id === idField) idRead = read;
      else this.reads.push(read);
    });
    this.idRead = idRead!;
    this.width = plan.headers.length;
    this.unheaded = plan.headers.flatMap((header, column) => (header.trim() === '' ? [column] : []));
  }

  /** Reads a row into `values` and gives its id, or undefined when the careful validator must read it. */
  read(row: ByteRow): string | undefined {
    if (row.count !== this.width) return undefined;
    for (const column of this.unheaded) if (row.starts[column]! !== row.ends[column]!) return undefined;
    const idText = row.text(this.idRead.column);
    const id = this.typed(this.idRead, idText);
    if (typeof id !== 'string' || id.includes('\uFFFD') || matchHeader(idText, this.headerIndex) === this.idRead.field.id) return undefined;
    const current = this.current;
    current[this.idRead.slot] = id;
    const bytes = row.bytes;
    for (const read of this.reads) {
      const start = row.starts[read.column]!;
      const end = row.ends[read.column]!;
      let value: FieldValue | undefined;
      if (read.kind === OTHER) value = this.typed(read, row.text(read.column));
      else if (start === end) value = null;
      else {
        const number = plainDecimal(bytes, start, end);
        const plain = !Number.isNaN(number) && (read.kind === NUMBER || Number.isInteger(number));
        value = plain ? number : this.typed(read, row.text(read.column));
      }
      if (value === undefined) return undefined;
      if (value === null) {
        if (read.field.required) return undefined;
      } else if (typeof value === 'number') {
        const { min, max } = read.field;
        if ((min !== undefined && value < min) || (max !== undefined && value > max)) return undefined;
      }
      current[read.slot] = value;
    }
    return id;
  }

  /** A cell's value by the full grammar, or undefined when the careful validator would report the cell. */
  private typed(read: ColumnRead, text: string): FieldValue | undefined {
    const cached = read.outcomes?.get(text);
    const outcome = cached ?? parseFieldValue(read.field, text, this.context);
    if (cached === undefined && read.outcomes !== undefined && read.outcomes.size < MAX_CACHED_TEXTS) read.outcomes.set(text, outcome);
    if (!outcome.ok || text.includes('\uFFFD')) return undefined;
    return outcome.value;
  }
}
