import { stringify } from 'csv-stringify/sync';
import type { InstitutionResult } from '../core/results.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import type { GradeDocument } from './grade-document.js';
import { gradeRows } from './grade-rows.js';

const CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;
/** First characters csv-stringify escapes as a possible formula. */
const FORMULA_START = new Set(['-', '=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'].map((c) => c.charCodeAt(0)));
const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * One row as csv-stringify writes it with CSV_OPTIONS: a row whose cells need neither quotes nor formula
 * escaping (nearly all) is joined directly, which is several times faster; any other goes through csv-stringify.
 */
function csvRow(cells: readonly string[]): string {
  const line = cells.join(',');
  let commas = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (c === COMMA) commas += 1;
    else if (c === QUOTE || c === CR || c === LF) return stringify([cells], CSV_OPTIONS);
  }
  if (commas !== cells.length - 1 || cells.some((cell) => cell !== '' && FORMULA_START.has(cell.charCodeAt(0)))) return stringify([cells], CSV_OPTIONS);
  return `${line}\r\n`;
}
/** Rows stringified together: large enough to be fast, small enough that a million rows never form one string. */
const ROWS_PER_CHUNK = 2000;

/** The header row and the cells of one result, with the rubric stamped on every row. */
function gradeCsvColumns(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string) {
  const { columns, values } = gradeRows(doc, lang, fieldLabel);
  const header = [...columns.map((c) => c.header), heading('status', lang), heading('coverage', lang), heading('rubric', lang), 'sha256'];
  const stamp = [`${doc.rubric.id}@${doc.rubric.version}`, doc.rubric.sha256];
  const graded = heading('graded', lang);
  const withheld = heading('withheldStatus', lang);
  const cells = (r: InstitutionResult) => {
    const row = values(r);
    row.push(r.status === 'graded' ? graded : withheld, r.coverage.toFixed(1), ...stamp);
    return row;
  };
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
  // a piece is joined once from its rows: appending would build a tree of partial strings for the collector
  let rows: string[] = [];
  for (const result of results) {
    rows.push(csvRow(cells(result)));
    if (rows.length === ROWS_PER_CHUNK) {
      yield rows.join('');
      rows = [];
    }
  }
  if (rows.length > 0) yield rows.join('');
}
