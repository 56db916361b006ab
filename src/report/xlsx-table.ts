import type ExcelJS from 'exceljs';
import { isPlainDate, type PlainDate } from '../core/values.js';
import { gradeTone, type Tone } from './grade-tone.js';
import { displayWidth } from './text-width.js';

/** Rows a worksheet holds: Excel's 1,048,576 less the header row. */
export const EXCEL_DATA_ROWS = 1_048_575;

/** How a column's cells are written and formatted; dates (PlainDate) and booleans are typed by their value in any column. */
export type CellKind = 'text' | 'id' | 'integer' | 'points' | 'delta' | 'percent' | 'date' | 'grade' | 'auto';

/** A cell that overrides its column's kind (e.g. a percent among mixed raw values). */
export interface TypedCell {
  readonly kind: CellKind;
  readonly value: SheetValue;
}

export type SheetValue = string | number | boolean | PlainDate | null;
export type SheetCell = SheetValue | TypedCell;

export interface SheetColumn {
  readonly header: string;
  readonly kind: CellKind;
  /** decimals of points and delta columns (default 2) */
  readonly decimals?: number;
}

/** Excel's hard limits on a cell's text and a sheet's name. */
const MAX_CELL_TEXT = 32_767;
const MAX_SHEET_NAME = 31;
const MAX_COLUMN_WIDTH = 60;

/** Cell fills and font colours for the five grade tones (Excel's good / neutral / bad palette, stretched to five). */
const TONE_STYLE: Record<Tone, { fill: string; font: string }> = {
  0: { fill: 'FFC6EFCE', font: 'FF006100' },
  1: { fill: 'FFE2EFDA', font: 'FF375623' },
  2: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  3: { fill: 'FFFCE4D6', font: 'FF833C0B' },
  4: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

const HEADER_FILL = 'FFDDEBF7';

/** A new in-memory workbook; exceljs is loaded only here, on first use, because importing it takes ~0.4 s. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'sseval';
  return workbook;
}

/** Serialises a workbook to xlsx bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Text Excel accepts: no control characters (they make the sheet XML invalid), at most 32,767 characters. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').slice(0, MAX_CELL_TEXT);
}

/** A sheet name Excel accepts, unique within `used` (which it joins): no []:*?/\, at most 31 characters. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base = cleanText(wanted).replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || '_';
  let name = base.slice(0, MAX_SHEET_NAME);
  for (let n = 2; [...used].some((u) => u.toLowerCase() === name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  used.add(name);
  return name;
}

const excelDate = (date: PlainDate) => new Date(Date.UTC(date.year, date.month - 1, date.day));

const pointsFormat = (decimals: number) => (decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);

/**
 * Writes one value into a cell by kind: ids as text, percents (0–100) as Excel percents, dates as real dates,
 * changes signed. Returns the text as shown, to size the column by.
 */
export function writeCell(cell: ExcelJS.Cell, content: SheetCell, column: SheetColumn, grades: readonly string[]): string {
  const { kind, value } = isTyped(content) ? content : { kind: column.kind, value: content };
  if (value === null) return '';
  if (isPlainDate(value)) {
    cell.value = excelDate(value);
    cell.numFmt = 'yyyy-mm-dd';
    return '0000-00-00';
  }
  if (typeof value === 'boolean') {
    cell.value = value;
    return String(value).toUpperCase();
  }
  if (typeof value === 'string') {
    cell.value = cleanText(value);
    if (kind === 'id') cell.numFmt = '@';
    if (kind === 'grade') styleGrade(cell, value, grades);
    return value;
  }
  if (kind === 'percent') {
    cell.value = value / 100;
    cell.numFmt = '0.0%';
    return `${value.toFixed(1)}%`;
  }
  cell.value = value;
  if (kind === 'integer') {
    cell.numFmt = '0';
    return String(Math.round(value));
  }
  if (kind === 'points' || kind === 'delta') {
    const decimals = column.decimals ?? 2;
    const format = pointsFormat(decimals);
    cell.numFmt = kind === 'points' ? format : `+${format};-${format};${format}`;
    return `${kind === 'delta' ? '+' : ''}${value.toFixed(decimals)}`;
  }
  return String(value);
}

function isTyped(content: SheetCell): content is TypedCell {
  return typeof content === 'object' && content !== null && 'kind' in content;
}

function styleGrade(cell: ExcelJS.Cell, grade: string, grades: readonly string[]): void {
  cell.alignment = { horizontal: 'center' };
  const tone = gradeTone(grades, grade);
  if (tone === null) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE_STYLE[tone].fill } };
  cell.font = { bold: true, color: { argb: TONE_STYLE[tone].font } };
}

/** Styles a header row: bold on a light fill with a rule below. */
export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { vertical: 'middle' };
  });
}

/** Column width in Excel units for the widest text shown: Hangul counts two, plus padding; capped. */
export function fitWidth(texts: Iterable<string>, minimum = 6): number {
  let widest = minimum;
  for (const text of texts) widest = Math.max(widest, displayWidth(text));
  return Math.min(MAX_COLUMN_WIDTH, widest + 2);
}

export interface TableOptions {
  readonly grades: readonly string[];
  /** leading columns kept in view when scrolling right */
  readonly freezeColumns?: number;
}

/**
 * Adds a table sheet: a frozen, filterable header row, typed and formatted cells, grade fills,
 * and columns as wide as their widest text.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly SheetCell[])[],
  options: TableOptions,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: options.freezeColumns ?? 0, ySplit: 1 }],
  });
  const header = sheet.addRow(columns.map((c) => cleanText(c.header)));
  styleHeader(header);
  // the filter button takes about three characters of the header cell
  const shown = columns.map((c) => [`${c.header}   `]);
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((column, c) => shown[c]!.push(writeCell(row.getCell(c + 1), values[c] ?? null, column, options.grades)));
  });
  columns.forEach((_, c) => {
    sheet.getColumn(c + 1).width = fitWidth(shown[c]!);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return sheet;
}
