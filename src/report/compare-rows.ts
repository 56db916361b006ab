import type { ComparedInstitution } from '../core/compare.js';
import { formatPoints } from '../core/format-number.js';
import { heading } from '../messages/headings.js';
import { renderMessage, type Lang } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { CompareDocument } from './compare-document.js';

/** How a comparison cell is shown: points with fixed decimals, changes with a sign, ranks as integers. */
export type CompareCellKind = 'text' | 'id' | 'grade' | 'points' | 'integer' | 'delta' | 'rankDelta';

export interface CompareColumn {
  readonly header: string;
  readonly kind: CompareCellKind;
}

export type CompareCell = string | number | null;

/** The columns of the comparison and each institution's cells, shared by the table, CSV and workbook. */
export function compareRows(doc: CompareDocument, lang: Lang): { columns: CompareColumn[]; cells: (row: ComparedInstitution) => CompareCell[] } {
  const say = (code: string, args: Record<string, string> = {}) => renderMessage(code, args, lang);
  const before = (what: string) => say('COMPARE_BEFORE_COLUMN', { what });
  const after = (what: string) => say('COMPARE_AFTER_COLUMN', { what });
  const change = (what: string) => say('COMPARE_CHANGE_COLUMN', { what });
  const [grade, total, rank] = [heading('grade', lang), heading('total', lang), heading('rank', lang)];
  const columns: CompareColumn[] = [
    { header: say('COMPARE_MOVEMENT'), kind: 'text' },
    { header: heading('id', lang), kind: 'id' },
    { header: heading('name', lang), kind: 'text' },
    { header: before(grade), kind: 'grade' },
    { header: after(grade), kind: 'grade' },
    { header: before(total), kind: 'points' },
    { header: after(total), kind: 'points' },
    { header: change(total), kind: 'delta' },
    { header: before(rank), kind: 'integer' },
    { header: after(rank), kind: 'integer' },
    { header: say('COMPARE_RANK_CHANGE'), kind: 'rankDelta' },
    ...doc.comparison.domains.map((d): CompareColumn => ({ header: change(pickLabel(d.label, lang)), kind: 'delta' })),
  ];
  const cells = (row: ComparedInstitution): CompareCell[] => [
    say(`COMPARE_MOVEMENT_${row.movement}`),
    row.id,
    row.name,
    row.before?.grade ?? null,
    row.after?.grade ?? null,
    row.before?.total ?? null,
    row.after?.total ?? null,
    row.totalDelta,
    row.before?.rank ?? null,
    row.after?.rank ?? null,
    row.rankDelta,
    ...row.domains.map((d) => d.delta),
  ];
  return { columns, cells };
}

/** A cell as text for the terminal: '-' when empty, changes signed (+1.50, -2.00, +3). */
export function compareCellText(cell: CompareCell, kind: CompareCellKind): string {
  if (cell === null) return '-';
  if (typeof cell === 'string') return cell;
  if (kind === 'points') return formatPoints(cell);
  if (kind === 'delta') return `${cell > 0 ? '+' : ''}${formatPoints(cell)}`;
  if (kind === 'rankDelta') return `${cell > 0 ? '+' : ''}${cell}`;
  return String(cell);
}

/** The rows of the listed ids, in the list's order. */
export function rowsOf(doc: CompareDocument, ids: readonly string[]): ComparedInstitution[] {
  const byId = new Map(doc.comparison.institutions.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}
