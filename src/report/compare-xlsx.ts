import type { ComparedInstitution } from '../core/compare.js';
import { parseIsoDate } from '../core/dates.js';
import { heading } from '../messages/headings.js';
import { renderMessage, type Lang } from '../messages/index.js';
import type { CompareDocument } from './compare-document.js';
import { compareRows, rowsOf, type CompareCellKind } from './compare-rows.js';
import { compareTitle, leaderHeadings, movementCounts } from './compare-table.js';
import { addTableSheet, fitWidth, newWorkbook, sheetName, workbookBytes, writeCell, type CellKind, type SheetCell, type SheetColumn } from './xlsx-table.js';

const SHEET_KIND: Record<CompareCellKind, { kind: CellKind; decimals?: number }> = {
  text: { kind: 'text' },
  id: { kind: 'id' },
  grade: { kind: 'grade' },
  points: { kind: 'points' },
  integer: { kind: 'integer' },
  delta: { kind: 'delta' },
  rankDelta: { kind: 'delta', decimals: 0 },
};

/**
 * The comparison as a workbook: a summary (both cycles, warnings, movement counts), every institution, and the
 * top improvers and decliners, each a filterable sheet with grade fills and signed changes.
 */
export async function renderCompareXlsx(doc: CompareDocument, lang: Lang): Promise<Uint8Array> {
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const workbook = await newWorkbook();
  const used = new Set<string>();
  const grades = doc.comparison.grades;
  const { columns, cells } = compareRows(doc, lang);
  const sheetColumns: SheetColumn[] = columns.map((c) => ({ header: c.header, ...SHEET_KIND[c.kind] }));

  const summary = workbook.addWorksheet(sheetName(say('REPORT_SHEET_SUMMARY'), used));
  const table = (name: string, rows: readonly ComparedInstitution[]) =>
    addTableSheet(workbook, sheetName(name, used), sheetColumns, rows.map(cells), { grades, freezeColumns: 3 });
  table(say('COMPARE_SHEET_COMPARISON'), doc.comparison.institutions);
  table(say('COMPARE_SHEET_IMPROVERS'), rowsOf(doc, doc.comparison.improvers));
  table(say('COMPARE_SHEET_DECLINERS'), rowsOf(doc, doc.comparison.decliners));

  const headings = leaderHeadings(doc, lang);
  const named = (ids: readonly string[]) => rowsOf(doc, ids).map((r) => `${r.id} ${r.name}`).join(', ') || say('REPORT_NONE');
  const text: SheetColumn = { header: '', kind: 'text' };
  const lines: [string, SheetCell, SheetColumn][] = [
    [compareTitle(doc, lang), null, text],
    [say('COMPARE_BEFORE'), `${doc.before.rubric.id}@${doc.before.rubric.version} (sha256 ${doc.before.rubric.sha256.slice(0, 12)})`, text],
    [heading('asOf', lang), parseIsoDate(doc.before.asOf) ?? doc.before.asOf, { header: '', kind: 'date' }],
    [heading('inputs', lang), doc.before.file, text],
    [say('COMPARE_AFTER'), `${doc.after.rubric.id}@${doc.after.rubric.version} (sha256 ${doc.after.rubric.sha256.slice(0, 12)})`, text],
    [heading('asOf', lang), parseIsoDate(doc.after.asOf) ?? doc.after.asOf, { header: '', kind: 'date' }],
    [heading('inputs', lang), doc.after.file, text],
    ...doc.warnings.map((w): [string, SheetCell, SheetColumn] => [say('COMPARE_WARNINGS'), renderMessage(w.code, w.args, lang), text]),
    [say('COMPARE_COUNTS'), movementCounts(doc, lang), text],
    [headings.improvers, named(doc.comparison.improvers), text],
    [headings.decliners, named(doc.comparison.decliners), text],
  ];
  const labelTexts: string[] = [];
  const valueTexts: string[] = [];
  lines.forEach(([label, value, column], i) => {
    const row = summary.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { bold: true };
    // the title runs across the columns; it sets no width
    if (i > 0) labelTexts.push(label);
    valueTexts.push(writeCell(row.getCell(2), value, column, grades));
  });
  summary.getColumn(1).width = fitWidth(labelTexts, 12);
  summary.getColumn(2).width = fitWidth(valueTexts, 12);
  return workbookBytes(workbook);
}

