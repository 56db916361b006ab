import { stringify } from 'csv-stringify/sync';
import type { InstitutionResult } from '../core/results.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import type { GradeDocument } from './grade-document.js';
import { gradeRows } from './grade-rows.js';

const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;
/** Characters that make csv-stringify quote a cell, and first characters it escapes as a possible formula. */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = new Set(['-', '=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Rows as csv-stringify writes them with CSV_OPTIONS: rows whose cells need neither quotes nor formula escaping
 * (nearly all) are joined directly, which is several times faster; the others go through csv-stringify.
 */
function csvRows(rows: readonly string[][]): string {
  let text = '';
  for (const cells of rows) {
    const plain = cells.every((cell) => cell === '' || (!NEEDS_QUOTES.test(cell) && !FORMULA_START.has(cell[0]!)));
    text += plain ? `${cells.join(',')}\r\n` : stringify([cells], CSV_OPTIONS);
  }
  return text;
}
/** Rows stringified together: large enough to be fast, small enough that a million rows never form one string. */
const ROWS_PER_CHUNK = 2000;

/** The header row and the cells of one result, with the rubric stamped on every row. */
function gradeCsvColumns(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string) {
  const { columns, values } = gradeRows(doc, lang, fieldLabel);
  const header = [...columns.map((c) => c.header), heading('status', lang), heading('coverage', lang), heading('rubric', lang), 'sha256'];
  const cells = (r: InstitutionResult) => [
    ...values(r),
    heading(r.status === 'graded' ? 'graded' : 'withheldStatus', lang),
    r.coverage.toFixed(1),
    `${doc.rubric.id}@${doc.rubric.version}`,
    doc.rubric.sha256,
  ];
  return { header, cells };
}

/**
 * The ranked results as CSV for Korean Excel: UTF-8 with BOM, cells that start like a formula escaped,
 * ids written as the text they are (leading zeros kept), and the rubric stamped on every row.
 */
export function renderGradeCsv(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string): string {
  const { header, cells } = gradeCsvColumns(doc, lang, fieldLabel);
  return stringify([header, ...doc.results.map(cells)], { ...CSV_OPTIONS, bom: true });
}

/**
 * The same CSV as `renderGradeCsv`, byte for byte, in pieces: `results` are taken one at a time (the document's
 * own list is not used), so a million institutions are written without the whole file or result list in memory.
 */
export function* gradeCsvChunks(
  doc: GradeDocument,
  results: Iterable<InstitutionResult>,
  lang: Lang,
  fieldLabel: (field: string) => string,
): Generator<string> {
  const { header, cells } = gradeCsvColumns(doc, lang, fieldLabel);
  yield stringify([header], { ...CSV_OPTIONS, bom: true });
  let rows: string[][] = [];
  for (const result of results) {
    rows.push(cells(result));
    if (rows.length === ROWS_PER_CHUNK) {
      yield csvRows(rows);
      rows = [];
    }
  }
  if (rows.length > 0) yield csvRows(rows);
}
