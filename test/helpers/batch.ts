import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT } from './cli.js';
import { tempDir, writeWorkbook } from './xlsx.js';

/**
 * A workspace for batch runs: `data/` holds the 16 agencies split into a CSV (the first 8) and an xlsx
 * built with exceljs (the other 8), the facilities CSV and the certificate register; `config` writes
 * `sseval.config.yaml` beside them.
 */
export async function batchWorkspace(): Promise<{ dir: string; config: (yaml: string) => string }> {
  const dir = tempDir('sseval-batch-');
  mkdirSync(path.join(dir, 'data', 'certs'), { recursive: true });
  const text = readFileSync(path.join(ROOT, 'fixtures', 'agencies-2024.csv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  writeFileSync(path.join(dir, 'data', 'agencies-a.csv'), `${lines.slice(0, 9).join('\n')}\n`);
  const rows = parse(text, { bom: true }) as string[][];
  await writeWorkbook(path.join(dir, 'data'), 'agencies-b.xlsx', (workbook) => {
    const sheet = workbook.addWorksheet('자료');
    sheet.addRow(rows[0]!);
    for (const row of rows.slice(9)) sheet.addRow(row);
  });
  copyFileSync(path.join(ROOT, 'fixtures', 'facilities-2024.csv'), path.join(dir, 'data', 'facilities-2024.csv'));
  copyFileSync(path.join(ROOT, 'fixtures', 'certs', 'register-2025.csv'), path.join(dir, 'data', 'certs', 'register-2025.csv'));
  return {
    dir,
    config: (yaml) => {
      const file = path.join(dir, 'sseval.config.yaml');
      writeFileSync(file, yaml);
      return file;
    },
  };
}

/** Three jobs over the mixed inputs: grade (CSV + xlsx), validate and certs, each writing a file named by template. */
export const THREE_JOBS = `out-dir: out
as-of: "2024-12-31"
jobs:
  - name: agencies
    command: grade
    rubric: agency-management@2024
    inputs: [data/agencies-*.*]
    output: { format: json }
  - name: facilities
    command: validate
    rubric: facility@2024
    inputs: [data/facilities-*.csv]
    output: { format: csv }
  - name: certificates
    command: certs
    rubric: quality-cert
    as-of: "2025-06-30"
    inputs: [data/certs/*.csv]
    output: { format: csv }
`;
