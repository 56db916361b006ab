import type { ChalkInstance } from 'chalk';
import { formatNumber } from '../core/format-number.js';
import { listedRows } from '../core/ranked-rows.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import { pickLabel } from '../messages/label.js';
import type { GradeDocument } from './grade-document.js';
import { gradeRows } from './grade-rows.js';
import { renderTextTable } from './text-width.js';

/** Colours a grade by its place in the grade order: the best third green, the worst red, between yellow. */
export function gradePainter(grades: readonly string[], color: ChalkInstance): (grade: string, text: string) => string {
  return (grade, text) => {
    const index = grades.indexOf(grade);
    if (index < 0) return color.dim(text);
    const place = grades.length === 1 ? 0 : index / (grades.length - 1);
    if (place <= 0.34) return color.green.bold(text);
    if (place >= 0.99) return color.red.bold(text);
    return place >= 0.67 ? color.red(text) : color.yellow(text);
  };
}

/** The ranked terminal table with a heading (rubric, as-of, inputs) and a count by grade. */
export function renderGradeTable(doc: GradeDocument, lang: Lang, color: ChalkInstance, fieldLabel: (field: string) => string): string {
  const { columns: allColumns, values } = gradeRows(doc, lang, fieldLabel);
  // withheld reasons and limiters are sentences: they go in notes under the table, not in its cells
  const noteKeys = new Set(['withheld', 'limiters']);
  const keep = allColumns.map((c) => !noteKeys.has(c.key));
  const columns = allColumns.filter((_, c) => keep[c]);
  const ranked = listedRows(doc.results);
  const fullRows = doc.results.map((_, p) => values(ranked, p));
  const rows = fullRows.map((row) => row.filter((_, c) => keep[c]));
  const gradeColumn = columns.findIndex((c) => c.key === 'grade');
  const noteColumns = allColumns.flatMap((c, i) => (noteKeys.has(c.key) ? [i] : []));
  const notes = doc.results.flatMap((r, i) => {
    const texts = noteColumns.map((c) => fullRows[i]![c]!).filter((t) => t !== '');
    return texts.length === 0 ? [] : [`  ${r.id} ${r.name}: ${texts.join(' · ')}`];
  });
  const paintGrade = gradePainter(doc.rubric.grades, color);
  const table = renderTextTable(
    columns.map((c) => ({ header: c.header, align: c.numeric ? 'right' : 'left' })),
    rows,
    (r, c, padded) => (c === gradeColumn ? paintGrade(doc.results[r]!.grade ?? '', padded) : padded),
  );
  const title = `${pickLabel(doc.rubric.title, lang)} — ${doc.rubric.id}@${doc.rubric.version} (sha256 ${doc.rubric.sha256.slice(0, 12)})`;
  const meta = [
    `${heading('asOf', lang)}: ${doc.asOf}`,
    `${heading('inputs', lang)}: ${doc.inputs.map((i) => i.path).join(', ')}`,
  ];
  const counts = doc.rubric.grades.map((g) => `${paintGrade(g, g)} ${doc.summary.byGrade[g] ?? 0}`);
  if (doc.summary.withheld > 0) counts.push(`${heading('withheldStatus', lang)} ${doc.summary.withheld}`);
  const summary = `${heading('gradeCounts', lang)}: ${counts.join(' · ')} (${formatNumber(doc.summary.institutions)} ${heading('institutions', lang)})`;
  const skipped = doc.summary.skipped.length > 0 ? [`${heading('skipped', lang)}: ${doc.summary.skipped.join(', ')}`] : [];
  const noteBlock = notes.length === 0 ? [] : [`${heading('notes', lang)}:`, ...notes];
  return [color.bold(title), ...meta, '', table, summary, ...skipped, ...noteBlock].join('\n') + '\n';
}
