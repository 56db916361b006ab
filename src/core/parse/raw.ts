import type { PlainDate } from '../values.js';

/**
 * A cell as a reader found it, before it is typed by a rubric field: text from CSV, and from a workbook
 * also numbers, booleans and dates. `undefined` or `''` is a blank cell.
 */
export type RawValue = string | number | boolean | PlainDate | CellFault;

/** A workbook cell that holds no usable value: an error value (#N/A) or a formula Excel never calculated. */
export interface CellFault {
  readonly fault: 'errorValue' | 'formulaNoResult' | 'unsupported';
  /** the error text (#DIV/0!), the formula (=B2/C2) or what the cell held */
  readonly text: string;
}

/** One row as read: its physical line (text line or sheet row number) and its cells, left to right. */
export interface RawRow {
  readonly line: number;
  readonly cells: readonly (RawValue | undefined)[];
}

/** True when the value is a CellFault. */
export function isCellFault(value: RawValue | undefined): value is CellFault {
  return typeof value === 'object' && value !== null && 'fault' in value;
}

/** True for a blank cell: nothing, or text that is only whitespace. */
export function isBlankCell(value: RawValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}
