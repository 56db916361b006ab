import type { Field } from '../../rubric/schema.js';
import { formatDate, isPlainDate, type FieldValue } from '../values.js';
import { acceptBooleanNumber, parseBooleanText } from './boolean.js';
import { acceptDateNumber, parseDateText } from './date.js';
import { acceptIdNumber, parseIdText } from './id.js';
import { acceptInteger, parseIntegerText } from './integer.js';
import { parseAllowedText } from './level.js';
import { acceptNumber, parseNumberText } from './number.js';
import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';
import { isCellFault, type RawValue } from './raw.js';

/** How the cells of one table are to be read. */
export interface CellContext {
  /** serial numbers count from 1904-01-01 (a workbook saved with the 1904 date system) */
  readonly date1904: boolean;
}

/** The text of a cell as a person would quote it in a message. */
export function cellText(value: RawValue | undefined): string {
  if (value === undefined) return '';
  if (isCellFault(value)) return value.text;
  if (isPlainDate(value)) return formatDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Text and level fields: one of the declared values when the rubric lists them, else any text. */
function parseText(field: Field, text: string): ParseOutcome<string> {
  if (field.values !== undefined && field.values.length > 0) return parseAllowedText(text, field.values);
  const value = normalizeCellText(text);
  return parsed(value === '' ? null : value);
}

/**
 * Types one cell by its rubric field. Text goes through the field type's grammar; a workbook's numbers,
 * booleans and dates are taken as they are where the type fits (a number in a date column is a serial or
 * YYYYMMDD). Blank is null, never zero. Cell faults (#N/A, uncalculated formulas) give their own codes.
 */
export function parseFieldValue(field: Field, raw: RawValue | undefined, context: CellContext): ParseOutcome<FieldValue> {
  if (raw === undefined) return parsed(null);
  if (isCellFault(raw)) return rejected(raw.fault === 'errorValue' ? 'CELL_ERROR_VALUE' : raw.fault === 'formulaNoResult' ? 'CELL_FORMULA_NO_RESULT' : 'CELL_UNSUPPORTED');
  if (typeof raw === 'string' || field.type === 'text' || field.type === 'level') return parseTextCell(field, cellText(raw), context);
  switch (field.type) {
    case 'number':
    case 'percent':
      return typeof raw === 'number' ? acceptNumber(raw) : rejected('NUMBER_INVALID');
    case 'integer':
      return typeof raw === 'number' ? acceptInteger(raw) : rejected('NUMBER_INVALID');
    case 'date':
      if (isPlainDate(raw)) return parsed(raw);
      return typeof raw === 'number' ? acceptDateNumber(raw, context.date1904) : rejected('DATE_INVALID');
    case 'boolean':
      if (typeof raw === 'boolean') return parsed(raw);
      return typeof raw === 'number' ? acceptBooleanNumber(raw) : rejected('BOOLEAN_INVALID');
    case 'id':
      return typeof raw === 'number' ? acceptIdNumber(raw) : rejected('ID_NOT_TEXT');
  }
}

function parseTextCell(field: Field, text: string, context: CellContext): ParseOutcome<FieldValue> {
  switch (field.type) {
    case 'number':
      return parseNumberText(text, { percent: false });
    case 'percent':
      return parseNumberText(text, { percent: true });
    case 'integer':
      return parseIntegerText(text);
    case 'date':
      return parseDateText(text, context.date1904);
    case 'boolean':
      return parseBooleanText(text);
    case 'id':
      return parseIdText(text);
    case 'level':
    case 'text':
      return parseText(field, text);
  }
}
