import type ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

type CellStyle = Partial<ExcelJS.Style>;

/*
 * Cells that look alike share one style object. exceljs remembers a style's id by the style object, so cells sharing
 * one are written twice as fast as cells each with their own copy (what a sheet of 4 million rows needs). The objects
 * are frozen: restyle a written cell by assigning it another shared style, never through `cell.font` and the like.
 */
function frozenStyle(style: CellStyle): CellStyle {
  const freeze = (value: object): object => {
    for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) freeze(inner as object);
    return Object.freeze(value);
  };
  return freeze(style) as CellStyle;
}

/** The shared style `make(key)` gives, made once per key. */
function styleCache<K>(make: (key: K) => CellStyle): (key: K) => CellStyle {
  const made = new Map<K, CellStyle>();
  return (key) => {
    let style = made.get(key);
    if (style === undefined) made.set(key, (style = frozenStyle(make(key))));
    return style;
  };
}

const PLAIN_STYLE = frozenStyle({});
const ID_STYLE = frozenStyle({ numFmt: '@' });
const DATE_STYLE = frozenStyle({ numFmt: 'yyyy-mm-dd' });
const PERCENT_STYLE = frozenStyle({ numFmt: '0.0%' });
const INTEGER_STYLE = frozenStyle({ numFmt: '0' });
const HEADER_STYLE = frozenStyle({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
  border: { bottom: { style: 'thin' } },
  alignment: { vertical: 'middle' },
});
const pointsStyle = styleCache((decimals: number) => ({ numFmt: pointsFormat(decimals) }));
const deltaStyle = styleCache((decimals: number) => {
  const format = pointsFormat(decimals);
  return { numFmt: `+${format};-${format};${format}` };
});
const gradeStyle = styleCache((tone: Tone | null) =>
  tone === null
    ? { alignment: { horizontal: 'center' } }
    : {
        alignment: { horizontal: 'center' },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE_STYLE[tone].fill } },
        font: { bold: true, color: { argb: TONE_STYLE[tone].font } },
      },
);
const boldStyle = styleCache((size: number | undefined) => ({ font: size === undefined ? { bold: true } : { bold: true, size } }));

/**
 * Writes one value into a cell by kind: ids as text, percents (0–100) as Excel percents, dates as real dates,
 * changes signed. Returns the text as shown, to size the column by.
 */
export function writeCell(cell: ExcelJS.Cell, content: SheetCell, column: SheetColumn, grades: readonly string[]): string {
  const { kind, value } = isTyped(content) ? content : { kind: column.kind, value: content };
  if (value === null) return '';
  if (isPlainDate(value)) {
    cell.value = excelDate(value);
    cell.style = DATE_STYLE;
    return '0000-00-00';
  }
  if (typeof value === 'boolean') {
    cell.value = value;
    cell.style = PLAIN_STYLE;
    return String(value).toUpperCase();
  }
  if (typeof value === 'string') {
    cell.value = cleanText(value);
    cell.style = kind === 'id' ? ID_STYLE : kind === 'grade' ? gradeStyle(gradeTone(grades, value)) : PLAIN_STYLE;
    return value;
  }
  cell.value = kind === 'percent' ? value / 100 : value;
  if (kind === 'percent') {
    cell.style = PERCENT_STYLE;
    return `${value.toFixed(1)}%`;
  }
  if (kind === 'integer') {
    cell.style = INTEGER_STYLE;
    return String(Math.round(value));
  }
  if (kind === 'points' || kind === 'delta') {
    const decimals = column.decimals ?? 2;
    cell.style = kind === 'points' ? pointsStyle(decimals) : deltaStyle(decimals);
    return `${kind === 'delta' ? '+' : ''}${value.toFixed(decimals)}`;
  }
  cell.style = PLAIN_STYLE;
  return String(value);
}

function isTyped(content: SheetCell): content is TypedCell {
  return typeof content === 'object' && content !== null && 'kind' in content;
}

/** Styles a header row: bold on a light fill with a rule below. */
export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
}

/** Sets a cell in bold, at `size` points when given (titles and labels). */
export function boldCell(cell: ExcelJS.Cell, size?: number): void {
  cell.style = boldStyle(size);
}

const columnWidth = (widest: number, minimum: number) => Math.min(MAX_COLUMN_WIDTH, Math.max(minimum, widest) + 2);

/** Column width in Excel units for the widest text shown: Hangul counts two, plus padding; capped. */
export function fitWidth(texts: Iterable<string>, minimum = 6): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, displayWidth(text));
  return columnWidth(widest, minimum);
}

export interface TableOptions {
  readonly grades: readonly string[];
  /** leading columns kept in view when scrolling right */
  readonly freezeColumns?: number;
}

const frozenHeader = (options: TableOptions) => [{ state: 'frozen' as const, xSplit: options.freezeColumns ?? 0, ySplit: 1 }];
/** the text a header sizes its column by: the filter button takes about three characters of the header cell */
const headerShown = (column: SheetColumn) => `${column.header}   `;
const filterOver = (rows: number, columns: number) => ({ from: { row: 1, column: 1 }, to: { row: Math.max(1, rows), column: columns } });

/**
 * Adds a table sheet to an in-memory workbook: a frozen, filterable header row, typed and formatted cells, grade
 * fills, and columns as wide as their widest text.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly SheetCell[])[],
  options: TableOptions,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: frozenHeader(options) });
  const header = sheet.addRow(columns.map((c) => cleanText(c.header)));
  styleHeader(header);
  const shown = columns.map((c) => [headerShown(c)]);
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((column, c) => shown[c]!.push(writeCell(row.getCell(c + 1), values[c] ?? null, column, options.grades)));
  });
  columns.forEach((_, c) => {
    sheet.getColumn(c + 1).width = fitWidth(shown[c]!);
  });
  sheet.autoFilter = filterOver(rows.length + 1, columns.length);
  return sheet;
}

/**
 * Rows of a streamed sheet that size its columns: the first rows (all of a small sheet). A streamed sheet's
 * column widths go out before its first row, so they cannot wait for the last one.
 */
export const MEASURED_ROWS = 1_000;
/** Rows written between looks at whether the zip keeps up. */
const ROWS_PER_CHECK = 100;
const TEXT_COLUMN: SheetColumn = { header: '', kind: 'text' };

/**
 * A workbook written as a stream with exceljs's `WorkbookWriter`: `write` adds the sheets one after another while
 * the zip's bytes are handed on, so neither the workbook model nor the file is ever whole in memory. Sheets must
 * be written one at a time: the zip takes its entries in turn, and a sheet started before the one before it has
 * ended would wait in memory whole. Nothing is done until the first piece is asked for; if the consumer stops,
 * writing stops.
 */
export async function* streamedWorkbook(write: (workbook: StreamedWorkbook) => Promise<void>): AsyncGenerator<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const output = new PassThrough();
  const stopped = new AbortController();
  output.once('close', () => stopped.abort());
  const writer = new Excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  writer.creator = 'sseval';
  const done = write(new StreamedWorkbook(writer, stopped.signal))
    .then(() => writer.commit())
    .catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const piece of output) yield piece as Buffer;
    await done;
  } finally {
    output.destroy();
  }
}

/** The streaming workbook `streamedWorkbook` hands its writer: sheets are added through it. */
export class StreamedWorkbook {
  constructor(
    private readonly writer: ExcelJS.Workbook,
    private readonly stopped: AbortSignal,
  ) {}

  /** Starts a free-form sheet; `minimumWidth` is each column's narrowest width. */
  sheet(name: string, grades: readonly string[], minimumWidth: (column: number) => number): SheetWriter {
    return new SheetWriter(this.writer.addWorksheet(name), grades, minimumWidth, this.stopped);
  }

  /** Starts a table sheet: a frozen, filterable header row above typed rows (see `addTableSheet`). */
  async table(name: string, columns: readonly SheetColumn[], options: TableOptions): Promise<TableWriter> {
    const sheet = new SheetWriter(this.writer.addWorksheet(name, { views: frozenHeader(options) }), options.grades, () => 6, this.stopped);
    columns.forEach((column, c) => sheet.measure(c, headerShown(column)));
    await sheet.add(
      columns.map((c) => c.header),
      { style: styleHeader, measured: false },
    );
    return new TableWriter(sheet, columns);
  }
}

/** How `SheetWriter.add` writes a row. */
export interface RowOptions {
  /** how each cell is written (default: as text) */
  readonly columns?: readonly SheetColumn[];
  /** styles the row before it goes out */
  readonly style?: (row: ExcelJS.Row) => void;
  /** a column whose text runs across the next columns (a title, a note): it sizes nothing */
  readonly spills?: number;
  /** false: the row sizes no column */
  readonly measured?: boolean;
}

/**
 * One sheet of a streamed workbook, written row by row. The first MEASURED_ROWS rows are held and measured; then
 * the columns get their widths, and every row goes out as it is added.
 */
export class SheetWriter {
  private readonly widest: number[] = [];
  private measuring = true;
  private written = 0;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly grades: readonly string[],
    private readonly minimumWidth: (column: number) => number,
    private readonly stopped: AbortSignal,
  ) {}

  /** Counts a text towards a column's width while the sheet is being measured. */
  measure(column: number, text: string): void {
    if (this.measuring) this.widest[column] = Math.max(this.widest[column] ?? 0, displayWidth(text));
  }

  /** Adds the next row; it waits when the zip is behind. */
  async add(cells: readonly SheetCell[], { columns, style, spills, measured = true }: RowOptions = {}): Promise<void> {
    this.written += 1;
    const row = this.sheet.getRow(this.written);
    cells.forEach((value, c) => {
      if (value === null) return;
      const shown = writeCell(row.getCell(c + 1), value, columns?.[c] ?? TEXT_COLUMN, this.grades);
      if (measured && c !== spills) this.measure(c, shown);
    });
    style?.(row);
    if (this.measuring) {
      if (this.written === MEASURED_ROWS) this.sizeColumns();
    } else {
      row.commit();
      if (this.written % ROWS_PER_CHECK === 0) await this.zipCaughtUp();
    }
  }

  /** Ends the sheet (with an autofilter over the first `filterColumns` columns of every row, when given). */
  end(filterColumns?: number): void {
    if (this.measuring) this.sizeColumns();
    if (filterColumns !== undefined) this.sheet.autoFilter = filterOver(this.written, filterColumns);
    // no wait after the last row: an ended stream never signals drain; the next sheet's rows wait for the zip instead
    this.sheet.commit();
  }

  /** Gives the columns their widths and sends the rows held so far. */
  private sizeColumns(): void {
    for (let c = 0; c < this.widest.length; c += 1) this.sheet.getColumn(c + 1).width = columnWidth(this.widest[c] ?? 0, this.minimumWidth(c));
    this.measuring = false;
    if (this.written > 0) this.sheet.getRow(this.written).commit();
  }

  /**
   * Waits while the zip is behind. exceljs's streaming writer takes no notice of backpressure (exceljs#734): rows
   * written in a loop pile up in memory, a whole sheet at worst. A sheet's XML goes to a stream the zip reads from
   * (in exceljs 4.4 with archiver 5, the sheet stream's first pipe); when that stream is full, wait until it drains.
   * Without such a stream, give the event loop a turn so that the zip can run.
   */
  private async zipCaughtUp(): Promise<void> {
    const internals = this.sheet as unknown as { stream?: { pipes?: { _writableState?: { needDrain?: boolean } }[] } };
    const pipe = internals.stream?.pipes?.[0];
    if (pipe?._writableState === undefined) await nextTurn();
    else if (pipe._writableState.needDrain === true) await once(pipe as unknown as NodeJS.EventEmitter, 'drain', { signal: this.stopped });
  }
}

/** A table sheet of a streamed workbook: one row of typed cells per `add`. */
export class TableWriter {
  constructor(
    private readonly sheet: SheetWriter,
    private readonly columns: readonly SheetColumn[],
  ) {}

  /** Adds a row: one cell per column. */
  add(values: readonly SheetCell[]): Promise<void> {
    return this.sheet.add(values, { columns: this.columns });
  }

  /** Ends the sheet, the autofilter over every row. */
  end(): void {
    this.sheet.end(this.columns.length);
  }
}
