import type { Workbook, Worksheet } from 'exceljs';
import { problem, type Problem } from '../core/problems.js';
import type { InputFile } from '../core/records.js';
import type { RawValue } from '../core/parse/raw.js';
import { headerKey } from '../core/headers.js';
import type { DataValidator } from '../core/validate.js';
import { rawCellValue } from './xlsx-cells.js';

/** What reading a workbook gave: the input's description, or the problem that stopped it. */
export type XlsxResult = { readonly input: InputFile } | { readonly refused: Problem };

/**
 * Reads one sheet of an xlsx workbook (already checked to be a zip of acceptable size) into the validator.
 * exceljs is loaded only here, when a workbook is actually read, since importing it takes a noticeable time.
 */
export async function readXlsx(bytes: Buffer, file: string, sha256: string, validator: DataValidator, sheet?: string): Promise<XlsxResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { refused: problem('XLSX_UNREADABLE', 'error', { file }, { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const chosen = chooseSheet(workbook, sheet);
  if ('code' in chosen) return { refused: problem(chosen.code, 'error', { file }, chosen.args) };
  const worksheet = chosen.worksheet;
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
        cells.push(rawCellValue(cell.value, cell.numFmt));
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    table.push({ line, cells });
  }
  const records = table.end();
  return { input: { path: file, sha256, format: 'xlsx', records, sheet: worksheet.name } };
}

type SheetChoice = { worksheet: Worksheet } | { code: 'SHEET_NOT_FOUND' | 'WORKBOOK_EMPTY'; args: Record<string, string> };

/** `--sheet` by name (exact, then ignoring case, spaces and full-width forms) or 1-based position; by default the first visible sheet with data. */
function chooseSheet(workbook: Workbook, wanted: string | undefined): SheetChoice {
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name).join(', ');
  if (wanted !== undefined) {
    const byPosition = /^\d+$/.test(wanted.trim()) ? sheets[Number(wanted) - 1] : undefined;
    const found =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => headerKey(s.name) === headerKey(wanted)) ?? byPosition;
    return found ? { worksheet: found } : { code: 'SHEET_NOT_FOUND', args: { sheet: wanted, sheets: names } };
  }
  const withData = sheets.filter((s) => s.actualRowCount > 0);
  const found = withData.find((s) => s.state === 'visible') ?? withData[0];
  return found ? { worksheet: found } : { code: 'WORKBOOK_EMPTY', args: { sheets: names } };
}
