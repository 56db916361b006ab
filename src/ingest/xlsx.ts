import type { CellValue, Cell } from 'exceljs';
import { problem, type Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import type { RawValue } from '../core/parse/raw.js';
import { headerKey } from '../core/headers.js';
import type { DataValidator } from '../core/validate.js';
import { isFormula, rawCellValue } from './xlsx-cells.js';
import { readWorkbookParts } from './xlsx-parts.js';
import { scanSheet } from './xlsx-sheet.js';
import { storedBytes, zipEntries } from './zip.js';

/** What reading a workbook gave: the input's description, or the problem that stopped it. */
export type XlsxResult = { readonly input: InputFile } | { readonly refused: Problem };

/**
 * Reads one sheet of an xlsx workbook (already checked to be a zip of acceptable size) into the validator: with
 * the lean reader when the workbook is plain (most exports, and every large one we have seen), else with exceljs,
 * which is loaded only then since importing it takes a noticeable time. Both give the same rows.
 */
export async function readXlsx(bytes: Buffer, file: string, sha256: string, validator: DataValidator, sheet?: string): Promise<XlsxResult> {
  return (await readLean(bytes, file, sha256, validator, sheet)) ?? readXlsxWithExceljs(bytes, file, sha256, validator, sheet);
}

/** The lean reader (see xlsx-sheet.ts); undefined when the workbook needs exceljs (nothing was read then). */
async function readLean(bytes: Buffer, file: string, sha256: string, validator: DataValidator, wanted?: string): Promise<XlsxResult | undefined> {
  const entries = zipEntries(bytes);
  const parts = entries && readWorkbookParts(bytes, entries);
  if (!parts) return undefined;
  const stored = parts.sheets.map((s) => storedBytes(bytes, s.entry));
  const checks = new Map<number, Awaited<ReturnType<typeof scanSheet>>>();
  const check = async (index: number) => {
    const known = checks.get(index);
    if (known) return known;
    const data = stored[index];
    const part = parts.sheets[index]!;
    const scan = data === undefined ? { ok: false as const, reason: 'damaged entry' } : await scanSheet(data, part.entry.method, parts, part.relations);
    checks.set(index, scan);
    return scan;
  };
  let supported = true;
  const chosen = await chooseSheet(parts.sheets, wanted, async (index) => {
    const scan = await check(index);
    if (!scan.ok) supported = false;
    return scan.ok && scan.hasData;
  });
  if (!supported) return undefined;
  if ('code' in chosen) return { refused: problem(chosen.code, 'error', { file }, chosen.args) };
  const scan = await check(chosen.index);
  if (!scan.ok) return undefined;
  const sheet = parts.sheets[chosen.index]!;
  const table = validator.openTable({ file, sheet: sheet.name, date1904: parts.date1904, fixedWidth: false });
  await scanSheet(stored[chosen.index]!, sheet.entry.method, parts, sheet.relations, (row) => table.push(row), scan.layout);
  const records = table.end();
  return { input: { path: file, sha256, format: 'xlsx', records, sheet: sheet.name } };
}

/**
 * A cell's value for rawCellValue. exceljs leaves a formula's cached result out of `cell.value` when it is 0,
 * false or empty text, which would read as "never calculated"; `cell.result` still has it.
 */
function valueOf(cell: Cell): CellValue {
  const value = cell.value;
  if (isFormula(value)) return { ...value, result: cell.result } as CellValue;
  return value;
}

/** The exceljs reader: every workbook the lean reader leaves aside, and the reference it is tested against. */
export async function readXlsxWithExceljs(bytes: Buffer, file: string, sha256: string, validator: DataValidator, wanted?: string): Promise<XlsxResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { refused: problem('XLSX_UNREADABLE', 'error', { file }, { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const sheets = workbook.worksheets;
  const chosen = await chooseSheet(sheets, wanted, (index) => sheets[index]!.actualRowCount > 0);
  if ('code' in chosen) return { refused: problem(chosen.code, 'error', { file }, chosen.args) };
  const worksheet = sheets[chosen.index]!;
  const table = validator.openTable({
    file,
    sheet: worksheet.name,
    date1904: workbook.properties.date1904 === true,
    fixedWidth: false,
  });
  for (let line = 1; line <= worksheet.rowCount; line += 1) {
    const row = worksheet.findRow(line);
    const cells: (RawValue | undefined)[] = [];
    if (row) {
      for (let column = 1; column <= row.cellCount; column += 1) {
        const cell = row.getCell(column);
        cells.push(rawCellValue(valueOf(cell), cell.numFmt));
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    table.push({ line, cells });
  }
  const records = table.end();
  return { input: { path: file, sha256, format: 'xlsx', records, sheet: worksheet.name } };
}

type SheetChoice = { index: number } | { code: 'SHEET_NOT_FOUND' | 'WORKBOOK_EMPTY'; args: Record<string, string> };

/**
 * `--sheet` by name (exact, then ignoring case, spaces and full-width forms) or 1-based position; by default the
 * first visible sheet with data (`hasData` is asked only then, in sheet order).
 */
async function chooseSheet(
  sheets: readonly { readonly name: string; readonly state: string }[],
  wanted: string | undefined,
  hasData: (index: number) => boolean | Promise<boolean>,
): Promise<SheetChoice> {
  const names = sheets.map((s) => s.name).join(', ');
  if (wanted !== undefined) {
    const byPosition = /^\d+$/.test(wanted.trim()) && sheets[Number(wanted) - 1] !== undefined ? Number(wanted) - 1 : -1;
    const exact = sheets.findIndex((s) => s.name === wanted);
    const loose = sheets.findIndex((s) => headerKey(s.name) === headerKey(wanted));
    const index = exact >= 0 ? exact : loose >= 0 ? loose : byPosition;
    return index >= 0 ? { index } : { code: 'SHEET_NOT_FOUND', args: { sheet: wanted, sheets: names } };
  }
  const withData: number[] = [];
  for (let index = 0; index < sheets.length; index += 1) if (await hasData(index)) withData.push(index);
  const index = withData.find((i) => sheets[i]!.state === 'visible') ?? withData[0];
  return index === undefined ? { code: 'WORKBOOK_EMPTY', args: { sheets: names } } : { index };
}
