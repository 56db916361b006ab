import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import type { GradeDocument } from './grade-document.js';
import { gradeRows } from './grade-rows.js';

/**
 * The ranked results as CSV for Korean Excel: UTF-8 with BOM, cells that start like a formula escaped,
 * ids written as the text they are (leading zeros kept), and the rubric stamped on every row.
 */
export function renderGradeCsv(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string): string {
  const { columns, values } = gradeRows(doc, lang, fieldLabel);
  const header = [...columns.map((c) => c.header), heading('status', lang), heading('coverage', lang), heading('rubric', lang), 'sha256'];
  const rows = doc.results.map((r) => [
    ...values(r),
    heading(r.status === 'graded' ? 'graded' : 'withheldStatus', lang),
    r.coverage.toFixed(1),
    `${doc.rubric.id}@${doc.rubric.version}`,
    doc.rubric.sha256,
  ]);
  return stringify([header, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}
