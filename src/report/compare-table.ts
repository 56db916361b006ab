import type { ChalkInstance } from 'chalk';
import type { Movement } from '../core/compare.js';
import { MovementSchema } from '../core/compare.js';
import { formatPoints } from '../core/format-number.js';
import { renderMessage, type Lang } from '../messages/index.js';
import type { CompareDocument } from './compare-document.js';
import { compareCellText, compareRows, rowsOf } from './compare-rows.js';
import { renderTextTable } from './text-width.js';

/** The title line of a comparison: both cycles with their rubric and as-of date. */
export function compareTitle(doc: CompareDocument, lang: Lang): string {
  const cycle = (c: CompareDocument['before']) => `${c.rubric.id}@${c.rubric.version} (${c.asOf}, ${c.file})`;
  return renderMessage('COMPARE_TITLE', { before: cycle(doc.before), after: cycle(doc.after) }, lang);
}

/** The headings of the improvers and decliners lists. */
export function leaderHeadings(doc: CompareDocument, lang: Lang): { improvers: string; decliners: string } {
  const c = doc.comparison;
  const improvers =
    c.awardShare === null
      ? renderMessage('COMPARE_IMPROVERS_TOP', { count: c.top }, lang)
      : renderMessage('COMPARE_IMPROVERS_AWARD', { share: c.awardShare, eligible: c.eligible, count: c.top }, lang);
  return { improvers, decliners: renderMessage('COMPARE_DECLINERS', { count: c.top }, lang) };
}

/** `상승 2 · 하락 1 · …`: the count of each grade movement. */
export function movementCounts(doc: CompareDocument, lang: Lang): string {
  return MovementSchema.options.map((m: Movement) => `${renderMessage(`COMPARE_MOVEMENT_${m}`, {}, lang)} ${doc.comparison.counts[m]}`).join(' · ');
}

/** The comparison for the terminal: title, movement counts, one row per institution, then improvers and decliners. */
export function renderCompareTable(doc: CompareDocument, lang: Lang, color: ChalkInstance): string {
  const { columns, cells } = compareRows(doc, lang);
  const rows = doc.comparison.institutions.map((row) => cells(row).map((cell, c) => compareCellText(cell, columns[c]!.kind)));
  const paintMovement: Partial<Record<Movement, (text: string) => string>> = { up: color.green, down: color.red, new: color.cyan, gone: color.dim };
  const table = renderTextTable(
    columns.map((c) => ({ header: c.header, align: ['points', 'integer', 'delta', 'rankDelta'].includes(c.kind) ? 'right' : 'left' })),
    rows,
    (r, c, padded) => (c === 0 ? (paintMovement[doc.comparison.institutions[r]!.movement] ?? ((t: string) => t))(padded) : padded),
  );
  const headings = leaderHeadings(doc, lang);
  const list = (ids: readonly string[]) => {
    const listed = rowsOf(doc, ids).map(
      (row) => `  ${row.id} ${row.name}  ${formatPoints(row.before!.total!)} → ${formatPoints(row.after!.total!)} (${compareCellText(row.totalDelta, 'delta')})`,
    );
    return listed.length > 0 ? listed : [`  ${renderMessage('REPORT_NONE', {}, lang)}`];
  };
  return [
    color.bold(compareTitle(doc, lang)),
    `${renderMessage('COMPARE_COUNTS', {}, lang)}: ${movementCounts(doc, lang)}`,
    '',
    table,
    color.bold(headings.improvers),
    ...list(doc.comparison.improvers),
    '',
    color.bold(headings.decliners),
    ...list(doc.comparison.decliners),
  ].join('\n') + '\n';
}
