import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../messages/catalogue.js';
import type { CompareDocument } from './compare-document.js';
import { compareRows } from './compare-rows.js';

/**
 * The comparison as CSV for Korean Excel: UTF-8 with BOM, one row per institution, numbers as numbers
 * (changes signed by their value), text that starts like a formula escaped.
 */
export function renderCompareCsv(doc: CompareDocument, lang: Lang): string {
  const { columns, cells } = compareRows(doc, lang);
  const rows = doc.comparison.institutions.map((row) => cells(row).map((cell) => cell ?? ''));
  return stringify([columns.map((c) => c.header), ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}
