import type { CellValue } from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import type { RawRow, RawValue } from '../core/parse/raw.js';
import { rawCellValue } from './xlsx-cells.js';
import type { WorkbookParts } from './xlsx-parts.js';
import { decodeXmlText } from './xml-text.js';

/** What a pass over a sheet found: whether it has data, or why the lean reader leaves the sheet to exceljs. */
export type SheetScan = { readonly ok: true; readonly hasData: boolean } | { readonly ok: false; readonly reason: string };

/** Thrown inside a pass to leave the sheet to exceljs; never escapes scanSheet. */
class Unsupported extends Error {}

const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

/** The value of `name="…"` in a start tag, or undefined. Tags with single-quoted values are left to exceljs. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const nameEnds = (code: number) => code === 0x3e || code === 0x2f || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

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
  if (value === undefined) return style === undefined ? unsupported('empty cell without a style') : { value: null, numFmt };
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

/**
 * Reads a sheet's rows with a lean scan of its XML: row by row, without a workbook model. With `onRow`, hands
 * on every row from 1 to the last (rows the sheet leaves out are empty), each with its cells left to right as
 * exceljs would give them; without it, only checks. Merged cells, hyperlinks and cell forms exceljs reads in
 * its own odd ways make the sheet unsupported: a check pass finds them before any row is handed on.
 */
export async function scanSheet(stored: Uint8Array, method: number, parts: WorkbookParts, onRow?: (row: RawRow) => void): Promise<SheetScan> {
  const masters = new Map<string, string>();
  const styles = new Map<string | undefined, { numFmt: string | undefined; date: boolean }>();
  const styleOf = (style: string | undefined) => {
    let known = styles.get(style);
    if (known === undefined) {
      const numFmt = style === undefined ? undefined : parts.numFmtOf(parseInt(style, 10));
      known = { numFmt, date: isDateFormat(numFmt) };
      styles.set(style, known);
    }
    return known;
  };
  let hasData = false;
  let nextLine = 1;
  let buffer = '';
  /** One `<row>` whose cells lie in xml[from, to). */
  const row = (tag: string, xml: string, from: number, to: number) => {
    const line = Number(attr(tag, 'r') ?? unsupported('row without number'));
    if (!(line >= nextLine)) unsupported('rows out of order');
    const cells: (RawValue | undefined)[] = [];
    let lastColumn = 0;
    for (let at = xml.indexOf('<c', from); at >= 0 && at < to; ) {
      const tagEnd = xml.indexOf('>', at);
      const cellTag = xml.slice(at, tagEnd + 1);
      if (cellTag.includes("'")) unsupported('single-quoted attributes');
      const closed = xml.charCodeAt(tagEnd - 1) === 0x2f;
      const close = closed ? tagEnd + 1 : xml.indexOf('</c>', tagEnd);
      if (close < 0 || close > to) unsupported('unclosed cell');
      const address = attr(cellTag, 'r') ?? unsupported('cell without address');
      // the column letters, then the row number, which must be this row's
      let column = 0;
      let i = 0;
      for (; i < address.length && address.charCodeAt(i) >= 65 && address.charCodeAt(i) <= 90; i += 1) column = column * 26 + (address.charCodeAt(i) - 64);
      if (i === 0 || address.slice(i) !== String(line)) unsupported('cell address outside its row');
      if (column <= lastColumn) unsupported('cells out of order');
      lastColumn = column;
      const inner = closed ? '' : xml.slice(tagEnd + 1, close);
      at = xml.indexOf('<c', closed ? close : close + 4);
      // most cells are a number or a shared string in a bare <v>: read those directly
      const type = attr(cellTag, 't');
      if ((type === undefined || type === 'n' || type === 's') && inner.startsWith('<v>') && inner.indexOf('<', 3) === inner.length - 4 && inner.length > 7 && !inner.includes('&')) {
        const text = inner.slice(3, -4);
        const style = styleOf(attr(cellTag, 's'));
        hasData = true;
        if (type === 's') {
          const shared = parts.sharedStrings[parseInt(text, 10)] ?? unsupported('shared string out of range');
          if (onRow) cells[column - 1] = shared;
        } else if (onRow) {
          const number = parseFloat(text);
          cells[column - 1] = rawCellValue(style.date ? excelToDate(number, parts.date1904) : number, style.numFmt);
        }
        continue;
      }
      const { value, numFmt } = cellValue(cellTag, address, inner, parts, masters);
      if (value !== null) hasData = true;
      if (onRow) cells[column - 1] = rawCellValue(value, numFmt);
    }
    if (onRow) {
      for (let i = 0; i < cells.length; i += 1) if (!(i in cells)) cells[i] = undefined;
      while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
      for (; nextLine < line; nextLine += 1) onRow({ line: nextLine, cells: [] });
      onRow({ line, cells });
    }
    nextLine = line + 1;
  };
  try {
    for await (const piece of sheetText(stored, method)) {
      buffer += piece;
      if (/<mergeCell|<hyperlink/.test(buffer)) unsupported('merged cells or hyperlinks');
      let at = 0;
      for (;;) {
        let start = buffer.indexOf('<row', at);
        // <rowBreaks> is not a row
        while (start >= 0 && !/[\s>/]/.test(buffer[start + 4] ?? ' ')) start = buffer.indexOf('<row', start + 4);
        if (start < 0) {
          at = Math.max(at, buffer.length - 16);
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
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, hasData };
}
