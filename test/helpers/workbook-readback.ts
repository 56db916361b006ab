import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** Reads workbook bytes back with exceljs. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A row's values from column 1, as exceljs reads them (empty cells undefined). */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

export const SOFFICE = '/usr/bin/soffice';
export const hasLibreOffice = existsSync(SOFFICE);

/**
 * Opens a workbook in headless LibreOffice and exports every sheet as CSV with cells as shown (number formats
 * applied): proof that LibreOffice reads the file, and what a person sees. Returns sheet name → CSV text.
 */
export function libreOfficeSheets(bytes: Uint8Array): Map<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sseval-lo-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    // tokens: comma, quote, UTF-8, from line 1, …, save cells as shown, all sheets (-1)
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    const sheets = new Map<string, string>();
    for (const name of readdirSync(dir)) {
      const match = /^book-(.+)\.csv$/.exec(name);
      if (match) sheets.set(match[1]!, readFileSync(path.join(dir, name), 'utf8'));
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
