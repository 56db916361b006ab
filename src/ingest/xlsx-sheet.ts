import type { CellValue } from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { AMPERSAND, APOSTROPHE, CR, DOT, EQUALS, GREATER_THAN, isDigit, LESS_THAN, LF, MINUS, QUOTE, SLASH, SPACE, TAB, ZERO } from '../core/ascii.js';
import { MAX_DIRECT_DIGITS, POWERS_OF_TEN } from '../core/parse/decimal.js';
import type { RawRow, RawValue } from '../core/parse/raw.js';
import { numberReader, rawCellValue } from './xlsx-cells.js';
import { cellKey, MergedCells, parseLinks, parseMerges, type Merge } from './xlsx-layout.js';
import type { WorkbookParts } from './xlsx-parts.js';
import { decodeXmlText } from './xml-text.js';

/** What a pass over a sheet found: whether it has data, or why the lean reader leaves the sheet to exceljs. */
/** What a sheet lists after its rows that changes how they read: merged ranges, and cells with a hyperlink (by `cellKey`). */
export interface SheetLayout {
  readonly merges: readonly Merge[];
  readonly links: ReadonlySet<number>;
}

const NO_LAYOUT: SheetLayout = { merges: [], links: new Set() };

/** What a pass over a sheet found: whether it has data and its layout, or why the lean reader leaves the sheet to exceljs. */
export type SheetScan = { readonly ok: true; readonly hasData: boolean; readonly layout: SheetLayout } | { readonly ok: false; readonly reason: string };

/** Thrown inside a pass to leave the sheet to exceljs; never escapes scanSheet. */
class Unsupported extends Error {}

const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

/** The value of `name="…"` in a start tag, or undefined. Tags with single-quoted values are left to exceljs. */
function attr(tag: string, name: string): string | undefined {
  // attributes parted by tabs or line breaks would be missed below: such a tag is left to exceljs
  if (/[\t\n\r]/.test(tag)) unsupported('attributes parted by tabs or line breaks');
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const nameEnds = (code: number) => code === GREATER_THAN || code === SLASH || code === SPACE || code === TAB || code === LF || code === CR;

/** The first `<name …>…</name>` (or `<name …/>`) in a cell's inner XML: its start tag and its body. */
function child(inner: string, name: string): { tag: string; body: string } | undefined {
  let at = inner.indexOf(`<${name}`);
  // <f> but not a longer name starting with f: the name ends with ">", "/" or a space
  while (at >= 0 && !nameEnds(inner.charCodeAt(at + name.length + 1))) at = inner.indexOf(`<${name}`, at + 1);
  if (at < 0) return undefined;
  const tagEnd = inner.indexOf('>', at);
  const tag = inner.slice(at, tagEnd + 1);
  if (tag.endsWith('/>')) return { tag, body: '' };
  const close = inner.indexOf(`</${name}>`, tagEnd);
  return close < 0 ? unsupported(`unclosed <${name}>`) : { tag, body: inner.slice(tagEnd + 1, close) };
}

/** exceljs's serial-to-date conversion, applied as it applies it (to a formula's result of any type, too). */
const excelToDate = (v: unknown, date1904: boolean) => new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** exceljs's test for a date format: date letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * The value exceljs gives a cell (the in-memory reader's rules, followed step by step): formulas with their
 * cached result, shared formulas named by their master cell, numbers in a date format as dates, shared and
 * inline strings, booleans and error values. Cells whose reading exceljs leaves odd are unsupported here.
 */
function cellValue(tag: string, address: string, inner: string, parts: WorkbookParts, masters: Map<string, string>): { value: CellValue; numFmt: string | undefined } {
  const style = attr(tag, 's');
  const type = attr(tag, 't');
  const numFmt = style === undefined ? undefined : parts.numFmtOf(parseInt(style, 10));
  const formulaNode = inner.includes('<f') ? child(inner, 'f') : undefined;
  const v = child(inner, 'v');
  const inline = type === 'inlineStr' ? child(inner, 'is') : undefined;
  if (inline !== undefined && (v !== undefined || /<r[\s>]/.test(inline.body))) unsupported('rich inline string');
  const text = inline !== undefined ? [...inline.body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXmlText(m[1]!)).join('') : v === undefined ? '' : decodeXmlText(v.body);
  const value = text === '' ? undefined : text;
  if (type === 'str' && value?.includes('&')) unsupported('entity in a formula string');
  if (formulaNode !== undefined) {
    const formula = decodeXmlText(formulaNode.body);
    const shareType = attr(formulaNode.tag, 't');
    if (shareType !== undefined && shareType !== 'shared') unsupported(`${shareType} formula`);
    if (!formula && shareType === undefined) unsupported('empty formula');
    let result: unknown = value === undefined ? undefined : type === 'str' ? value : type === 'b' ? parseInt(value, 10) !== 0 : type === 'e' ? { error: value } : parseFloat(value);
    if (result !== undefined && isDateFormat(numFmt)) result = excelToDate(result, parts.date1904);
    const si = attr(formulaNode.tag, 'si') ?? '';
    if (shareType === 'shared' && attr(formulaNode.tag, 'ref') !== undefined) masters.set(si, address);
    if (shareType === 'shared' && attr(formulaNode.tag, 'ref') === undefined) {
      const master = masters.get(si) ?? unsupported('shared formula without its master');
      return { value: { sharedFormula: master, result } as CellValue, numFmt };
    }
    return { value: (formula ? { formula, result } : { result }) as CellValue, numFmt };
  }
  // an empty cell without a style (or with style 0) is no cell to exceljs: it takes it for part of a merged range
  if (value === undefined) return { value: null, numFmt: parseInt(style ?? '', 10) ? numFmt : undefined };
  switch (type) {
    case 's': {
      const shared = parts.sharedStrings[parseInt(value, 10)];
      return shared === undefined ? unsupported('shared string out of range') : { value: shared, numFmt };
    }
    case 'str':
    case 'inlineStr':
      return { value, numFmt };
    case 'b':
      return { value: parseInt(value, 10) !== 0, numFmt };
    case 'e':
      return { value: { error: value } as CellValue, numFmt };
    case undefined:
    case 'n': {
      const number = parseFloat(value);
      return { value: isDateFormat(numFmt) ? excelToDate(number, parts.date1904) : number, numFmt };
    }
    default:
      return unsupported(`cell type ${type}`);
  }
}

/** The sheet's XML, inflated and decoded piece by piece (a 100k-row sheet is over 100 MB of XML). */
async function* sheetText(stored: Uint8Array, method: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  if (method === 0) {
    yield decoder.write(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)) + decoder.end();
    return;
  }
  // large pieces: fewer round trips to the zlib thread pool
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(stored);
  for await (const chunk of inflate) yield decoder.write(chunk as Buffer);
  yield decoder.end();
}

const ROW_END = '</row>';

/** Whether the XML has a column (`<col>`) with a style of its own, however its attributes are quoted or parted. */
const styledColumns = (xml: string) => /<col\b[^>]*\sstyle\s*=/.test(xml);
/** The attribute names a cell tag is read for: r (address), t (type), s (style). */
const R = 0x72;
const T = 0x74;
const S = 0x73;
const NUMBER_CELL = 0;
const SHARED_CELL = 1;
const OTHER_CELL = 2;

/** Where the values of ` r="`, ` t="` and ` s="` start in the last cell tag read by `readCellTag` (-1: absent). */
let addressAt = -1;
let typeAt = -1;
let styleAt = -1;

/**
 * Finds a cell start tag's r, t and s attributes in one pass over xml[from, to) (the first match of each, as
 * `attr` finds it) without cutting the tag out; a single-quoted attribute makes the sheet unsupported.
 */
function readCellTag(xml: string, from: number, to: number): void {
  addressAt = typeAt = styleAt = -1;
  for (let i = from; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === APOSTROPHE) unsupported('single-quoted attributes');
    if (c === TAB || c === LF || c === CR) unsupported('attributes parted by tabs or line breaks');
    if (c !== SPACE || i + 4 > to || xml.charCodeAt(i + 2) !== EQUALS || xml.charCodeAt(i + 3) !== QUOTE) continue;
    const name = xml.charCodeAt(i + 1);
    if (name === R && addressAt < 0) addressAt = i + 4;
    else if (name === T && typeAt < 0) typeAt = i + 4;
    else if (name === S && styleAt < 0) styleAt = i + 4;
  }
}

/** A style index as `parseInt(text, 10)` reads the text from `at` to the closing quote (-1 for no style). */
function styleIndex(xml: string, at: number, to: number): number {
  if (at < 0) return -1;
  let index = 0;
  let i = at;
  for (let c = xml.charCodeAt(i); isDigit(c) && i - at < 9; c = xml.charCodeAt((i += 1))) index = index * 10 + (c - ZERO);
  if (i > at && xml.charCodeAt(i) === QUOTE) return index;
  const end = xml.indexOf('"', at);
  return parseInt(xml.slice(at, end < 0 || end > to ? to : end), 10);
}

/**
 * The column number of the cell address starting at `at` (one to three letters, then the row number, which must
 * be `line` written plainly, then the closing quote); anything else makes the sheet unsupported.
 */
function addressColumn(xml: string, at: number, line: number): number {
  let column = 0;
  let i = at;
  for (let c = xml.charCodeAt(i); c >= 65 && c <= 90; c = xml.charCodeAt((i += 1))) column = column * 26 + (c - 64);
  const digitsAt = i;
  let number = 0;
  for (let c = xml.charCodeAt(i); isDigit(c); c = xml.charCodeAt((i += 1))) number = number * 10 + (c - ZERO);
  // String(line) has no leading zero and no other character
  if (digitsAt === at || xml.charCodeAt(i) !== QUOTE || number !== line || xml.charCodeAt(digitsAt) === ZERO) unsupported('cell address outside its row');
  // a sheet's columns end at XFD (16,384): exceljs refuses a cell past it
  if (column > 16_384) unsupported('column past XFD');
  return column;
}

/** Whether xml[from, to) is text with no markup or entity in it (its `</v>` follows at `to`). */
function plainText(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === LESS_THAN || c === AMPERSAND) return false;
  }
  return xml.startsWith('</v>', to);
}

/** A shared-string index as `parseInt(text, 10)` reads it (all digits read directly). */
function sharedIndex(xml: string, from: number, to: number): number {
  let index = 0;
  for (let i = from; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (!isDigit(c) || to - from > 15) return parseInt(xml.slice(from, to), 10);
    index = index * 10 + (c - ZERO);
  }
  return index;
}

/**
 * A number cell's text as `parseFloat` reads it (as exceljs reads it): `-?digits(.digits)?` of up to 15 digits
 * directly (mantissa ÷ 10^k, correctly rounded as parseFloat is; -0 stays -0, unlike the CSV reader's
 * `leadingDecimal`, which reads as the number grammar does), anything else (exponents, longer numbers) by
 * parseFloat itself.
 */
function numberText(xml: string, from: number, to: number): number {
  const negative = xml.charCodeAt(from) === MINUS;
  let i = negative ? from + 1 : from;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits += 1;
    } else if (c === DOT && scale < 0 && digits > 0) scale = digits;
    else break;
  }
  const fraction = scale < 0 ? 0 : digits - scale;
  if (i < to || digits === 0 || digits > MAX_DIRECT_DIGITS || (fraction === 0 && scale >= 0)) return parseFloat(xml.slice(from, to));
  const value = mantissa / POWERS_OF_TEN[fraction]!;
  return negative ? -value : value;
}

/**
 * Reads a sheet's rows with a lean scan of its XML: row by row, without a workbook model. With `onRow`, hands
 * on every row from 1 to the last (rows the sheet leaves out are empty), each with its cells left to right as
 * exceljs would give them, with the `layout` the check pass found after the rows (merged ranges filled and
 * hyperlinked cells read as exceljs reads them); without it, only checks. Cell forms and layouts exceljs reads in
 * its own odd ways make the sheet unsupported: the check pass finds them before any row is handed on.
 * `relations` are the sheet's relationships (id to target), which its hyperlinks name.
 */
export async function scanSheet(
  stored: Uint8Array,
  method: number,
  parts: WorkbookParts,
  relations: ReadonlyMap<string, string>,
  onRow?: (row: RawRow) => void,
  layout: SheetLayout = NO_LAYOUT,
): Promise<SheetScan> {
  const merged = layout.merges.length === 0 ? undefined : new MergedCells(layout.merges);
  const links = layout.links;
  /** per column: the number format of the row's own cell there (read only where ranges are merged) */
  const numFmts: (string | undefined)[] = [];
  /** rows or columns with a style of their own: exceljs gives it to the merged cells the sheet leaves out */
  let styledRowsOrColumns = false;
  const masters = new Map<string, string>();
  // by the style's index (-1: none): the number format depends on nothing else
  const styles = new Map<number, { numFmt: string | undefined; date: boolean; number: (value: number) => RawValue }>();
  const styleOf = (style: number) => {
    let known = styles.get(style);
    if (known === undefined) {
      const numFmt = style === -1 ? undefined : parts.numFmtOf(style);
      known = { numFmt, date: isDateFormat(numFmt), number: numberReader(numFmt) };
      styles.set(style, known);
    }
    return known;
  };
  let hasData = false;
  let nextLine = 1;
  let buffer = '';
  /** One `<row>` whose cells lie in xml[from, to); read by position, without a string per tag or cell. */
  const row = (tag: string, xml: string, from: number, to: number) => {
    const line = Number(attr(tag, 'r') ?? unsupported('row without number'));
    if (!(line >= nextLine)) unsupported('rows out of order');
    if (attr(tag, 's') !== undefined) styledRowsOrColumns = true;
    const cells: (RawValue | undefined)[] = [];
    if (merged) numFmts.length = 0;
    let lastColumn = 0;
    for (let at = xml.indexOf('<c', from); at >= 0 && at < to; ) {
      const tagEnd = xml.indexOf('>', at);
      readCellTag(xml, at, tagEnd);
      const closed = xml.charCodeAt(tagEnd - 1) === SLASH;
      const close = closed ? tagEnd + 1 : xml.indexOf('</c>', tagEnd);
      if (close < 0 || close > to) unsupported('unclosed cell');
      if (addressAt < 0) unsupported('cell without address');
      const column = addressColumn(xml, addressAt, line);
      if (column <= lastColumn) unsupported('cells out of order');
      lastColumn = column;
      const next = xml.indexOf('<c', closed ? close : close + 4);
      // most cells are a number or a shared string in a bare <v>: read those directly
      const kind = typeAt < 0 ? NUMBER_CELL : xml.startsWith('s"', typeAt) ? SHARED_CELL : xml.startsWith('n"', typeAt) ? NUMBER_CELL : OTHER_CELL;
      const valueAt = tagEnd + 4;
      const valueEnd = close - 4;
      if (kind !== OTHER_CELL && !closed && valueEnd > valueAt && xml.startsWith('<v>', tagEnd + 1) && plainText(xml, valueAt, valueEnd)) {
        const style = styleOf(styleIndex(xml, styleAt, tagEnd));
        hasData = true;
        if (kind === SHARED_CELL) {
          const shared = parts.sharedStrings[sharedIndex(xml, valueAt, valueEnd)] ?? unsupported('shared string out of range');
          if (onRow) cells[column - 1] = shared;
          merged?.noteCell(line, column, shared);
        } else if (onRow) {
          const number = numberText(xml, valueAt, valueEnd);
          const date = style.date ? excelToDate(number, parts.date1904) : undefined;
          cells[column - 1] = date !== undefined ? rawCellValue(date, style.numFmt) : style.number(number);
          merged?.noteCell(line, column, date ?? number);
        }
        if (merged) numFmts[column] = style.numFmt;
      } else {
        const cellTag = xml.slice(at, tagEnd + 1);
        const { value, numFmt } = cellValue(cellTag, xml.slice(addressAt, xml.indexOf('"', addressAt)), closed ? '' : xml.slice(tagEnd + 1, close), parts, masters);
        // a hyperlinked cell is a value to exceljs even when empty, and a formula there gives its cached result as the link's text
        const linked = links.size > 0 && links.has(cellKey(line, column));
        if (value !== null || linked) hasData = true;
        const shown = linked && typeof value === 'object' && value !== null && 'result' in value ? ((value.result as CellValue | undefined) ?? null) : value;
        if (onRow) cells[column - 1] = rawCellValue(shown, numFmt);
        if (merged) {
          merged.noteCell(line, column, shown);
          numFmts[column] = numFmt;
        }
      }
      at = next;
    }
    if (onRow) {
      emptyRowsBefore(line);
      merged?.fill(line, cells, (column) => numFmts[column]);
      hand(line, cells);
    }
    nextLine = line + 1;
  };
  /** Hands on a row, its gaps as empty cells and no empty cell at its end. */
  const hand = (line: number, cells: (RawValue | undefined)[]) => {
    for (let i = 0; i < cells.length; i += 1) if (!(i in cells)) cells[i] = undefined;
    while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    onRow!({ line, cells });
  };
  /** Rows the sheet leaves out before `line`: empty but for merged ranges that reach them. */
  const emptyRowsBefore = (line: number) => {
    for (; nextLine < line; nextLine += 1) {
      const cells: (RawValue | undefined)[] = [];
      merged?.fill(nextLine, cells, () => undefined);
      hand(nextLine, cells);
    }
  };
  /** the sheet's XML before its rows (its column styles), until they begin */
  let beforeRows: string | undefined = '';
  /** the sheet's XML after its rows (merged ranges, hyperlinks, page setup), once the rows have ended */
  let afterRows: string | undefined;
  try {
    for await (const piece of sheetText(stored, method)) {
      if (afterRows !== undefined) {
        afterRows += piece;
        continue;
      }
      if (beforeRows !== undefined) {
        beforeRows += piece;
        const rowsAt = beforeRows.indexOf('<sheetData');
        if (rowsAt >= 0) {
          if (styledColumns(beforeRows.slice(0, rowsAt))) styledRowsOrColumns = true;
          beforeRows = undefined;
        }
      }
      buffer += piece;
      const rowsEndAt = buffer.indexOf('</sheetData>');
      for (const name of ['<mergeCell', '<hyperlink']) {
        const at = buffer.indexOf(name);
        if (at >= 0 && (rowsEndAt < 0 || at < rowsEndAt)) unsupported(`${name}> before the rows end`);
      }
      let at = 0;
      for (;;) {
        let start = buffer.indexOf('<row', at);
        // <rowBreaks> is not a row
        while (start >= 0 && !/[\s>/]/.test(buffer[start + 4] ?? ' ')) start = buffer.indexOf('<row', start + 4);
        // nor is anything after the rows end
        if (start > rowsEndAt && rowsEndAt >= 0) start = -1;
        if (start < 0) {
          if (rowsEndAt >= at) {
            afterRows = buffer.slice(rowsEndAt);
            at = buffer.length;
          } else at = Math.max(at, buffer.length - 16);
          break;
        }
        const tagEnd = buffer.indexOf('>', start);
        if (tagEnd < 0) {
          at = start;
          break;
        }
        const tag = buffer.slice(start, tagEnd + 1);
        if (tag.endsWith('/>')) {
          row(tag, buffer, tagEnd + 1, tagEnd + 1);
          at = tagEnd + 1;
          continue;
        }
        const end = buffer.indexOf(ROW_END, tagEnd);
        if (end < 0) {
          at = start;
          break;
        }
        row(tag, buffer, tagEnd + 1, end);
        at = end + ROW_END.length;
      }
      buffer = buffer.slice(at);
    }
    const merges = afterRows === undefined ? [] : (parseMerges(afterRows) ?? unsupported('merged ranges exceljs reads otherwise'));
    const linked = afterRows === undefined ? new Set<number>() : (parseLinks(afterRows, relations) ?? unsupported('hyperlinks exceljs reads otherwise'));
    // a merged cell the sheet leaves out takes its row's or column's format in exceljs: not followed here
    if (styledColumns(beforeRows ?? '') || styledColumns(afterRows ?? '')) styledRowsOrColumns = true;
    if (merges.length > 0 && styledRowsOrColumns) unsupported('merged ranges in styled rows or columns');
    // whether an empty hyperlinked cell (data to exceljs) is there, the check pass cannot tell before it knows the links
    if (!hasData && merges.length === 0 && linked.size > 0) unsupported('hyperlinks on a sheet without values');
    if (onRow) emptyRowsBefore((merged?.lastLine ?? 0) + 1);
    // a merged cell is a value to exceljs: a sheet with a merged range has data
    return { ok: true, hasData: hasData || merges.length > 0, layout: { merges, links: linked } };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
}
