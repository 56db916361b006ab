import type { CellFormulaValue, CellSharedFormulaValue, CellValue } from 'exceljs';
import { makeDate } from '../core/dates.js';
import type { RawValue } from '../core/parse/raw.js';

/**
 * Turns an exceljs cell value into a raw value, the way a person reads the cell:
 * - formulas give their cached result; a formula Excel never calculated is a fault, never 0;
 * - error values (#DIV/0!, #N/A) are faults;
 * - dates (exceljs gives UTC midnight, 1900 or 1904 system already applied) become calendar dates by their UTC parts;
 * - rich text and hyperlinks give their text;
 * - numbers formatted as percent give the percent text shown ("85.5%" for 0.855), so the number grammar
 *   decides as it does for a CSV; numbers formatted with leading zeros ("00000") give the zero-padded digits.
 */
/** Whether exceljs's value of a cell is a formula (with or without its cached result). */
export function isFormula(value: CellValue): value is CellFormulaValue | CellSharedFormulaValue {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

export function rawCellValue(value: CellValue, numFmt: string | undefined): RawValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return numberReader(numFmt)(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const date = Number.isNaN(value.getTime()) ? undefined : makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ?? { fault: 'unsupported', text: String(value) };
  }
  if ('error' in value) return { fault: 'errorValue', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined || value.result === null) {
      const formula = 'formula' in value && value.formula ? value.formula : 'sharedFormula' in value ? value.sharedFormula : '';
      return { fault: 'formulaNoResult', text: `=${formula}` };
    }
    return rawCellValue(value.result, numFmt);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return rawCellValue(value.text as CellValue, numFmt);
  return { fault: 'unsupported', text: JSON.stringify(value) };
}

/** How a number cell in this number format reads (`rawCellValue` of a number): worked out once per format. */
export function numberReader(numFmt: string | undefined): (value: number) => RawValue {
  const format = (numFmt ?? '').replace(/"[^"]*"|\\./g, '');
  if (format.includes('%')) return (value) => `${shiftTwoPlaces(value)}%`;
  if (/^0+$/.test(format)) return (value) => (Number.isSafeInteger(value) && value >= 0 ? String(value).padStart(format.length, '0') : value);
  return (value) => value;
}

/** value × 100 written exactly, by moving the decimal point in the number's shortest text (0.855 → "85.5"). */
function shiftTwoPlaces(value: number): string {
  const text = String(value);
  if (/e/i.test(text)) return String(Number((value * 100).toPrecision(15)));
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.') as [string, string?];
  const digits = whole + fraction.padEnd(2, '0');
  const point = whole.length + 2;
  const shifted = (digits.slice(0, point) + (digits.length > point ? `.${digits.slice(point)}` : '')).replace(/^0+(?=\d)/, '');
  return negative ? `-${shifted}` : shifted;
}
