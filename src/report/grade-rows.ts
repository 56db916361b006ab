import type { InstitutionResult } from '../core/results.js';
import { formatNumber, formatPoints } from '../core/format-number.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import { renderMessage } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { GradeDocument } from './grade-document.js';

/** One flat row per institution, shared by the terminal table and the CSV so both say the same thing. */
export interface GradeRow {
  readonly columns: readonly { readonly key: string; readonly header: string; readonly numeric: boolean }[];
  readonly values: (result: InstitutionResult) => string[];
}

/** The columns and cell texts of the ranked result list; `fieldLabel` names a peer-group field. */
export function gradeRows(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string): GradeRow {
  const domainColumns = doc.rubric.domains.map((d) => ({
    key: `domain:${d.id}`,
    header: `${pickLabel(d.label, lang)}(${formatNumber(d.points)})`,
    numeric: true,
  }));
  const groupColumns = doc.groupBy.flatMap((field) => [
    { key: `group:${field}`, header: fieldLabel(field), numeric: false },
    { key: `groupRank:${field}`, header: heading('groupRank', lang, fieldLabel(field)), numeric: true },
  ]);
  const columns = [
    { key: 'rank', header: heading('rank', lang), numeric: true },
    { key: 'id', header: heading('id', lang), numeric: false },
    { key: 'name', header: heading('name', lang), numeric: false },
    ...groupColumns,
    ...domainColumns,
    { key: 'total', header: `${heading('total', lang)}(${formatNumber(doc.rubric.total)})`, numeric: true },
    { key: 'grade', header: heading('grade', lang), numeric: false },
    { key: 'withheld', header: heading('withheld', lang), numeric: false },
    { key: 'limiters', header: heading('limiters', lang), numeric: false },
    { key: 'followUp', header: heading('followUp', lang), numeric: false },
  ];
  const withheldStatus = heading('withheldStatus', lang);
  const values = (r: InstitutionResult): string[] => {
    const cells = [r.rank === null ? '-' : String(r.rank), r.id, r.name];
    for (const g of r.groupRanks) cells.push(g.group ?? '', g.rank === null ? '-' : `${g.rank}/${g.of}`);
    for (const d of r.domains) cells.push(d.points === null ? '-' : formatPoints(d.points));
    cells.push(
      r.total === null ? '-' : formatPoints(r.total),
      r.grade ?? withheldStatus,
      r.withheld.map((w) => renderMessage(w.code, w.args, lang)).join('; '),
      r.limiters
        .filter((l) => l.effect !== 'withhold') // a withholding limiter already speaks in the withheld column
        .map((l) => `${pickLabel(l.label, lang)} (${renderMessage(l.detail.code, l.detail.args, lang)})`)
        .join('; '),
      r.followUp.map((f) => pickLabel(f, lang)).join(', '),
    );
    return cells;
  };
  return { columns, values };
}
