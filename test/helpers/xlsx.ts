import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** A fresh temporary folder for files a test writes. */
export function tempDir(prefix = 'sseval-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Builds a workbook with exceljs and writes it to `dir/name`; gives the path. */
export async function writeWorkbook(dir: string, name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}
