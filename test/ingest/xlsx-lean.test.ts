import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Problem } from '../../src/core/problems.js';
import type { RawRow } from '../../src/core/parse/raw.js';
import type { DataValidator } from '../../src/core/validate.js';
import { readXlsx, readXlsxWithExceljs } from '../../src/ingest/xlsx.js';
import { readWorkbookParts, type WorkbookParts } from '../../src/ingest/xlsx-parts.js';
import { rawCellValue } from '../../src/ingest/xlsx-cells.js';
import { scanSheet } from '../../src/ingest/xlsx-sheet.js';
import { storedBytes, zipEntries } from '../../src/ingest/zip.js';
import { tempDir } from '../helpers/xlsx.js';

const dir = tempDir('sseval-lean-');

/** The rows, sheet and problems a reader hands the validator, recorded. */
async function rowsOf(read: typeof readXlsx, bytes: Buffer, sheet?: string) {
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  let table: unknown;
  const recorder = {
    openTable: (source: unknown) => {
      table = source;
      return { push: (row: RawRow) => rows.push(row), end: () => rows.length };
    },
    report: (p: Problem) => problems.push(p),
  } as unknown as DataValidator;
  const result = await read(bytes, 'x.xlsx', 'hash', recorder, sheet);
  return { result, table, rows, problems };
}

/** Whether the lean reader reads every sheet of the workbook itself (rather than leaving it to exceljs). */
function leanReads(bytes: Buffer): Promise<boolean[]> {
  const entries = zipEntries(bytes)!;
  const parts = readWorkbookParts(bytes, entries)!;
  return Promise.all(parts.sheets.map(async (s) => (await scanSheet(storedBytes(bytes, s.entry)!, s.entry.method, parts, s.relations)).ok));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const cellValue = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, -0, 0.1 + 0.2, 1e-7, 123456789012345)) },
  { weight: 4, arbitrary: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('00123', ' 가 ', '행복&<"돌봄">', '_x000D_', 'a\r\nb', '똠방', '=1+1', '')) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }) },
  { weight: 1, arbitrary: fc.date({ min: utc(1901, 1, 1), max: utc(2099, 12, 31), noInvalidDate: true }).map((d) => utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) },
  {
    weight: 2,
    arbitrary: fc.record({
      formula: fc.constantFrom('A1*2', 'SUM(B1:B3)', 'IF(A1>0,"예","아니오")'),
      result: fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('예', '', 'x&y'), fc.boolean(), fc.constant({ error: '#VALUE!' })), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ richText: [{ text: '굵은', font: { bold: true } }, { text: ' 글씨' }] }) },
  { weight: 1, arbitrary: fc.constantFrom({ text: '홈페이지', hyperlink: 'https://example.org' }, { text: '00123', hyperlink: 'mailto:care@example.kr' }, { text: '', hyperlink: 'https://example.org/x' }) },
  { weight: 2, arbitrary: fc.constant(null) },
);
const numFmt = fc.option(fc.constantFrom('0%', '0.0%', '00000', 'yyyy-mm-dd', 'mm-dd-yy', '#,##0', '"월"0', '0.00', '@'), { nil: undefined, freq: 2 });
const sheetSpec = fc.record({
  name: fc.constantFrom('자료', 'Sheet1', '제공기관', '요약'),
  state: fc.constantFrom('visible', 'visible', 'hidden'),
  rows: fc.array(fc.record({ gap: fc.nat(2), cells: fc.array(fc.record({ value: cellValue, numFmt, skip: fc.boolean() }), { maxLength: 6 }) }), { maxLength: 6 }),
  // merged ranges (a title row across the columns, a cell down two rows…); one that overlaps an earlier one is left out
  merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 9 }), left: fc.integer({ min: 1, max: 7 }), height: fc.nat(2), width: fc.nat(3) }), { maxLength: 3 }),
});

type Merge = { top: number; left: number; height: number; width: number };
const overlaps = (a: Merge, b: Merge) => a.top <= b.top + b.height && b.top <= a.top + a.height && a.left <= b.left + b.width && b.left <= a.left + a.width;

async function build(
  sheets: { name: string; state: string; rows: { gap: number; cells: { value: unknown; numFmt?: string; skip: boolean }[] }[]; merges?: Merge[] }[],
  date1904: boolean,
  streaming: boolean,
): Promise<Buffer> {
  const file = path.join(dir, `w-${Math.random().toString(36).slice(2)}.xlsx`);
  const workbook = streaming ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true }) : new ExcelJS.Workbook();
  // the streaming writer has no 1904 date system
  if (date1904 && !streaming) (workbook as ExcelJS.Workbook).properties.date1904 = true;
  const used = new Set<string>();
  for (const spec of sheets) {
    if (used.has(spec.name)) continue;
    used.add(spec.name);
    const ws = workbook.addWorksheet(spec.name, { state: spec.state as 'visible' });
    let line = 0;
    for (const r of spec.rows) {
      line += 1 + r.gap;
      const row = ws.getRow(line);
      r.cells.forEach((c, i) => {
        if (c.skip) return;
        const cell = row.getCell(i + 1);
        cell.value = c.value as ExcelJS.CellValue;
        if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
      });
    }
    const merged: Merge[] = [];
    for (const merge of spec.merges ?? []) {
      if (merge.height + merge.width === 0 || merged.some((m) => overlaps(m, merge))) continue;
      merged.push(merge);
      ws.mergeCells(merge.top, merge.left, merge.top + merge.height, merge.left + merge.width);
    }
    if (streaming) ws.commit();
  }
  if (streaming) await (workbook as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  else await (workbook as ExcelJS.Workbook).xlsx.writeFile(file);
  return readFileSync(file);
}

describe('the lean xlsx reader reads what exceljs reads', () => {
  test.prop([fc.array(sheetSpec, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), fc.option(fc.constantFrom('자료', '2', 'sheet1', '없음'), { nil: undefined })], { numRuns: 120 })(
    'rows, cells, sheet choice and problems, on generated workbooks (in-memory and streaming writers)',
    async (sheets, date1904, streaming, wanted) => {
      const bytes = await build(sheets, date1904, streaming);
      expect(await rowsOf(readXlsx, bytes, wanted)).toEqual(await rowsOf(readXlsxWithExceljs, bytes, wanted));
    },
  );

  it('reads the generated workbooks itself, not through exceljs', async () => {
    const bytes = await build([{ name: '자료', state: 'visible', rows: [{ gap: 0, cells: [{ value: { formula: 'A1', result: 0 }, skip: false }, { value: 'x', skip: false }] }] }], false, true);
    expect(await leanReads(bytes)).toEqual([true]);
  });

  it('reads merged ranges and hyperlinks itself, as exceljs reads them', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('자료');
    ws.getCell('A1').value = '2024년 제공기관 현황';
    ws.mergeCells('A1:D1');
    ws.addRow(['기관코드', '기관명', '만족도', '비고']);
    ws.addRow(['00123', '행복센터', 0.855, '']);
    ws.getCell('C3').numFmt = '0.0%';
    ws.getCell('C4').numFmt = '0.0%';
    ws.mergeCells('C3:C4');
    ws.getCell('A5').value = { formula: 'A3', result: '00123' };
    ws.mergeCells('A5:B6');
    const merged = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await leanReads(merged)).toEqual([true]);
    const lean = await rowsOf(readXlsx, merged);
    expect(lean).toEqual(await rowsOf(readXlsxWithExceljs, merged));
    expect(lean.rows.map((r) => r.cells)).toEqual([
      ['2024년 제공기관 현황', '2024년 제공기관 현황', '2024년 제공기관 현황', '2024년 제공기관 현황'],
      ['기관코드', '기관명', '만족도', '비고'],
      ['00123', '행복센터', '85.5%', ''],
      [undefined, undefined, '85.5%'],
      ['00123', { fault: 'formulaNoResult', text: '=A3' }],
      [{ fault: 'formulaNoResult', text: '=A3' }, { fault: 'formulaNoResult', text: '=A3' }],
    ]);

    const linked = new ExcelJS.Workbook();
    linked.addWorksheet('자료').addRow([{ text: '링크', hyperlink: 'https://example.org' }, 5]);
    const bytes = Buffer.from(await linked.xlsx.writeBuffer());
    expect(await leanReads(bytes)).toEqual([true]);
    expect(await rowsOf(readXlsx, bytes)).toEqual(await rowsOf(readXlsxWithExceljs, bytes));
  });

  it('knows the built-in number formats exceljs knows', () => {
    const defaults = createRequire(import.meta.url)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;
    for (const [id, { f }] of Object.entries(defaults)) {
      const styles = `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}"/></cellXfs></styleSheet>`;
      // exceljs gives no format for id 0 (General) and for the ids whose code depends on the locale
      expect(formatOfStyle(styles, 1)).toBe(id === '0' ? undefined : f);
    }
  });
});

/** The number format the lean reader gives style 0 of a styles.xml, through a minimal workbook. */
function formatOfStyle(styles: string, style: number): string | undefined {
  const parts = readWorkbookParts(...zipOf({
    'xl/workbook.xml': '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>',
    'xl/styles.xml': styles,
  }));
  return parts?.numFmtOf(style);
}

/** A stored (uncompressed) zip of the given files, with its entries. */
function zipOf(files: Record<string, string>): [Buffer, NonNullable<ReturnType<typeof zipEntries>>] {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...locals, directory, end]);
  return [bytes, zipEntries(bytes)!];
}

/** Cells of one hand-written row, as Excel and other writers lay them out: attributes in any order. */
describe('the lean reader reads number and shared-string cells by position', () => {
  const FORMATS: Record<number, string> = { 2: '0%', 3: '00000', 4: '0.00' };
  const parts: WorkbookParts = { sheets: [], date1904: false, sharedStrings: ['가', '나', '다'], numFmtOf: (style) => FORMATS[style] };
  const sheet = (cells: string) => Buffer.from(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
  const scan = async (cells: string) => {
    const rows: RawRow[] = [];
    const result = await scanSheet(sheet(cells), 0, parts, new Map(), (row) => rows.push(row));
    return { result, rows };
  };
  const numberText = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.stringMatching(/^-?[0-9]{1,18}(\.[0-9]{0,18})?$/),
    fc.constantFrom('1.', '.5', '-0', '0', '1e5', '1.5E-2', '007', '-', '+3', '12345678901234567', '0.1', '99.95'),
  );
  // a cell's attributes: the address, then type and style in either order, before or after it
  const layout = fc.record({ typeFirst: fc.boolean(), addressLast: fc.boolean(), typed: fc.boolean(), style: fc.constantFrom(undefined, '2', '3', '4', '02', '9', '', '-1', ' 3', '3x', '0000000002', '12345678901') });
  const tag = (attrs: string[], addressLast: boolean) => (addressLast ? [...attrs.slice(1), attrs[0]!] : attrs).join(' ');

  test.prop([fc.array(fc.tuple(numberText, layout), { minLength: 1, maxLength: 6 })])('numbers as parseFloat reads their text, in the cell format', async (cells) => {
    const xml = cells
      .map(([text, { typeFirst, addressLast, typed, style }], i) => {
        const others = [typed ? 't="n"' : '', style === undefined ? '' : `s="${style}"`].filter((a) => a !== '');
        return `<c ${tag([`r="${String.fromCharCode(65 + i)}1"`, ...(typeFirst ? others : others.reverse())], addressLast)}><v>${text}</v></c>`;
      })
      .join('');
    const { result, rows } = await scan(xml);
    expect(result).toEqual({ ok: true, hasData: true, layout: { merges: [], links: new Set() } });
    const expected = cells.map(([text, { style }]) => rawCellValue(parseFloat(text), style === undefined ? undefined : FORMATS[parseInt(style, 10)]));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toHaveLength(expected.length);
    rows[0]!.cells.forEach((cell, i) => expect(Object.is(cell, expected[i]) || cell === expected[i]).toBe(true));
  });

  it('shared strings by their index as parseInt reads it', async () => {
    const cells = ['2', '01', '0000', '0000000000000000001', ' 1', '2x', '+1'].map((index, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${index}</v></c>`);
    const { rows } = await scan(cells.join(''));
    expect(rows[0]!.cells).toEqual(['다', '나', '가', '나', '나', '다', '나']);
  });

  const mergedSheet = (ref: string, { rowStyle = '', cols = '' } = {}) =>
    Buffer.from(`<worksheet>${cols}<sheetData><row r="1"${rowStyle}><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells></worksheet>`);

  it('fills a merged range from its master, down to rows the sheet leaves out', async () => {
    const rows: RawRow[] = [];
    const check = await scanSheet(mergedSheet('A1:B2'), 0, parts, new Map());
    expect(check).toEqual({ ok: true, hasData: true, layout: { merges: [{ top: 1, left: 1, bottom: 2, right: 2 }], links: new Set() } });
    await scanSheet(mergedSheet('A1:B2'), 0, parts, new Map(), (row) => rows.push(row), check.ok ? check.layout : undefined);
    expect(rows).toEqual([
      { line: 1, cells: ['가', '가'] },
      { line: 2, cells: ['가', '가'] },
    ]);
  });

  // exceljs turns a cell with a hyperlink into {text, hyperlink}: a formula's text is its cached result
  const linkedSheet = (cells: string, links: string) => Buffer.from(`<worksheet><sheetData><row r="1">${cells}</row></sheetData><hyperlinks>${links}</hyperlinks></worksheet>`);
  it('reads a hyperlinked formula as its cached result (no result: empty), not as a formula', async () => {
    const rows: RawRow[] = [];
    const xml = linkedSheet('<c r="A1"><f>B1*2</f><v>0</v></c><c r="B1"><f>C1</f></c><c r="C1" t="s"><v>1</v></c>', '<hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId2"/><hyperlink ref="C1" location="자료!A1"/>');
    const relations = new Map([
      ['rId1', 'https://example.org/a'],
      ['rId2', 'https://example.org/b'],
    ]);
    const check = await scanSheet(xml, 0, parts, relations);
    expect(check.ok).toBe(true);
    await scanSheet(xml, 0, parts, relations, (row) => rows.push(row), check.ok ? check.layout : undefined);
    expect(rows).toEqual([{ line: 1, cells: [0, undefined, '나'] }]);
  });

  it('reads a hyperlink to an empty target as no link, as exceljs does', async () => {
    const rows: RawRow[] = [];
    const xml = linkedSheet('<c r="A1"><f>1+1</f></c>', '<hyperlink ref="A1" r:id="rId1"/>');
    const relations = new Map([['rId1', '']]);
    const check = await scanSheet(xml, 0, parts, relations);
    await scanSheet(xml, 0, parts, relations, (row) => rows.push(row), check.ok ? check.layout : undefined);
    expect(rows).toEqual([{ line: 1, cells: [{ fault: 'formulaNoResult', text: '=1+1' }] }]);
  });

  it('ends the rows at </sheetData>: a <row> after it is no row, and the ranges after it still apply', async () => {
    const rows: RawRow[] = [];
    const xml = Buffer.from(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData><x><row r="3"><c r="A3"><v>1</v></c></row></x><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
    );
    const check = await scanSheet(xml, 0, parts, new Map());
    await scanSheet(xml, 0, parts, new Map(), (row) => rows.push(row), check.ok ? check.layout : undefined);
    expect(rows).toEqual([{ line: 1, cells: [5, 5] }]);
  });

  it('takes no number format from style 0, whatever format xf 0 has (exceljs ignores style 0)', () => {
    expect(formatOfStyle('<styleSheet><cellXfs count="2"><xf numFmtId="10"/><xf numFmtId="10"/></cellXfs></styleSheet>', 0)).toBeUndefined();
    expect(formatOfStyle('<styleSheet><cellXfs count="2"><xf numFmtId="10"/><xf numFmtId="10"/></cellXfs></styleSheet>', 1)).toBe('0.00%');
  });

  it.each([
    ['a hyperlink outside <hyperlinks>', linkedSheet('<c r="A1" t="s"><v>0</v></c>', '') + '<hyperlink ref="A1" r:id="rId1"/>'],
    ['a hyperlink in a comment', linkedSheet('<c r="A1" t="s"><v>0</v></c>', '<!-- <hyperlink ref="A1" r:id="rId1"/> -->')],
    ['a merged range outside <mergeCells>', '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData><mergeCell ref="A1:B1"/></worksheet>'],
    ['a cell tag with a tab before an attribute', '<worksheet><sheetData><row r="1"><c r="A1"\tt="s"><v>1</v></c></row></sheetData></worksheet>'],
    ['a row tag with a line break before an attribute', '<worksheet><sheetData><row r="1"\ns="1" customFormat="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'],
    ['a cell past column XFD', '<worksheet><sheetData><row r="1"><c r="XFE1"><v>2</v></c></row></sheetData></worksheet>'],
    [
      'a merged range with a single-quoted styled column',
      "<worksheet><cols><col min='2' max='2' style='1'/></cols><sheetData><row r=\"1\"><c r=\"A1\"><v>0.5</v></c></row></sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>",
    ],
    [
      'a merged range with a styled column listed after the rows',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>0.5</v></c></row></sheetData><cols><col min="2" max="2" style="1"/></cols><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
    ],
  ])('leaves %s to exceljs', async (_, xml) => {
    expect((await scanSheet(Buffer.from(xml), 0, parts, new Map([['rId1', 'https://example.org']]))).ok).toBe(false);
  });

  it.each([
    ['a hyperlink whose relationship is missing', linkedSheet('<c r="A1" t="s"><v>0</v></c>', '<hyperlink ref="A1" r:id="rId9"/>')],
    ['a hyperlink on an empty cell of a sheet without values', linkedSheet('<c r="A1" s="2"/>', '<hyperlink ref="A1" r:id="rId1"/>')],
  ])('leaves %s to exceljs', async (_, xml) => {
    expect((await scanSheet(xml, 0, parts, new Map([['rId1', 'https://example.org']]))).ok).toBe(false);
  });

  it('fills many ranges, each in the rows it reaches (records of two merged rows, as forms lay them out)', async () => {
    const records = 500;
    const rowsXml = Array.from({ length: records }, (_, k) => `<row r="${2 * k + 1}"><c r="A${2 * k + 1}"><v>${k}</v></c><c r="B${2 * k + 1}" t="s"><v>${k % 3}</v></c></row>`).join('');
    const mergesXml = Array.from({ length: records }, (_, k) => `<mergeCell ref="A${2 * k + 1}:A${2 * k + 2}"/>`).join('');
    const xml = Buffer.from(`<worksheet><sheetData>${rowsXml}</sheetData><mergeCells count="${records}">${mergesXml}</mergeCells></worksheet>`);
    const rows: RawRow[] = [];
    const check = await scanSheet(xml, 0, parts, new Map());
    await scanSheet(xml, 0, parts, new Map(), (row) => rows.push(row), check.ok ? check.layout : undefined);
    expect(rows).toHaveLength(2 * records);
    rows.forEach((row, i) => expect(row).toEqual(i % 2 === 0 ? { line: i + 1, cells: [i / 2, ['가', '나', '다'][(i / 2) % 3]] } : { line: i + 1, cells: [(i - 1) / 2] }));
  });

  it.each([
    ['a reversed range', 'C1:A1', {}],
    ['a range over more cells than are followed', 'A1:XFD100', {}],
    ['a single cell', 'A1:A1', {}],
    ['ranges that overlap', 'A1:B2"/><mergeCell ref="B2:C3', {}],
    ['a range not in A1:B2 form', 'A1', {}],
    ['a range past column XFD', 'XFC1:XFE1', {}],
    ['a range in a styled row', 'A1:B1', { rowStyle: ' s="2" customFormat="1"' }],
    ['a range in a styled column', 'A1:B1', { cols: '<cols><col min="1" max="2" style="2"/></cols>' }],
  ])('leaves %s to exceljs', async (_, ref, options) => {
    expect((await scanSheet(mergedSheet(ref, options), 0, parts, new Map())).ok).toBe(false);
  });

  it.each([
    ['an address with a leading zero', '<c r="A01"><v>1</v></c>'],
    ['an address of another row', '<c r="A2"><v>1</v></c>'],
    ['an address without a column', '<c r="1"><v>1</v></c>'],
    ['an address with a column past three letters', '<c r="AAAA1"><v>1</v></c>'],
    ['a single-quoted attribute', "<c r='A1'><v>1</v></c>"],
    ['a cell without an address', '<c s="2"><v>1</v></c>'],
  ])('leaves %s to exceljs', async (_, cells) => {
    expect((await scan(cells)).result.ok).toBe(false);
  });
});
