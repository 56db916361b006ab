import type { ChalkInstance } from 'chalk';
import { isCertStatus, type CertStatus } from '../core/certs.js';
import type { Lang } from '../messages/catalogue.js';
import { certLabel, certStatusLabel, periodLabel } from '../messages/certs.js';
import { CERTIFICATE_COLUMNS, COUNT_COLUMNS, cellText, groupFieldLabel } from './certs-columns.js';
import type { CertificateOut, CertsDocument, CountsOut } from './certs-json.js';
import { renderTextTable, type Column } from './text-width.js';

const STATUS_COLUMN = CERTIFICATE_COLUMNS.findIndex((c) => c.kind === 'status');

function statusPaint(status: CertStatus, color: ChalkInstance): (text: string) => string {
  switch (status) {
    case 'valid':
      return color.green;
    case 'expiring':
      return color.yellow;
    case 'expired':
      return color.red;
    case 'revoked':
      return color.magenta;
  }
}

function certificateTable(certificates: readonly CertificateOut[], lang: Lang, color: ChalkInstance): string {
  return renderTextTable(
    CERTIFICATE_COLUMNS.map((c) => ({ header: c.header(lang), align: c.kind === 'integer' ? 'right' : 'left' })),
    certificates.map((c) => CERTIFICATE_COLUMNS.map((column) => cellText(column, c, lang))),
    (row, column, padded) => (column === STATUS_COLUMN ? statusPaint(certificates[row]!.status, color)(padded) : padded),
  );
}

function countsTable(firstHeader: string, rows: readonly { key: string; counts: CountsOut }[], lang: Lang): string {
  const columns: Column[] = [
    { header: firstHeader, align: 'left' },
    ...COUNT_COLUMNS.map((c) => ({ header: certLabel(c.label, lang), align: 'right' as const })),
  ];
  return renderTextTable(
    columns,
    rows.map((row) => [row.key, ...COUNT_COLUMNS.map((c) => String(row.counts[c.key]))]),
  );
}

const keyText = (key: string | null, lang: Lang) => key ?? certLabel('none', lang);

/**
 * The terminal report: a heading with the as-of date and policy, the selected certificates by expiry
 * (one table per group with --group-by), then the summary overall, by region and by cohort.
 */
export function renderCertsTable(doc: CertsDocument, lang: Lang, color: ChalkInstance): string {
  const heading = [
    `${certLabel('asOf', lang)}: ${doc.asOf}`,
    `${certLabel('rubric', lang)}: ${doc.rubric.id}@${doc.rubric.version}`,
    `${certLabel('validity', lang)}: ${periodLabel(doc.policy.validity, lang)}`,
    `${certLabel('renewalWindow', lang)}: ${periodLabel(doc.policy.renewalWindow, lang)}`,
    `${certLabel('horizon', lang)}: ${periodLabel(doc.policy.expiringWithin, lang)} (${certLabel('until', lang, { date: doc.horizonEnd })})`,
  ].join(' · ');
  const parts = [`${color.bold(heading)}\n`];
  if (doc.groupBy === null) {
    parts.push(certificateTable(doc.certificates, lang, color));
  } else {
    const field = doc.groupBy;
    for (const group of doc.groups) {
      const members = doc.certificates.filter((c) => c.group === group.key);
      const key = field === 'status' && isCertStatus(group.key) ? certStatusLabel(group.key, lang) : keyText(group.key, lang);
      const count = certLabel('count', lang, { count: group.total });
      parts.push(`\n${color.bold(`[${groupFieldLabel(field, lang)}: ${key}] ${count}`)}\n`);
      parts.push(certificateTable(members, lang, color));
    }
  }
  const { overall, byRegion, byCohort } = doc.summary;
  const rows = (list: readonly (CountsOut & { key: string | null })[]) => list.map((row) => ({ key: keyText(row.key, lang), counts: row }));
  parts.push(`\n${color.bold(certLabel('summary', lang))}\n`);
  parts.push(countsTable(certLabel('section', lang), [{ key: certLabel('overall', lang), counts: overall }], lang));
  parts.push(`\n${color.bold(certLabel('byRegion', lang))}\n`);
  parts.push(countsTable(groupFieldLabel('region', lang), rows(byRegion), lang));
  parts.push(`\n${color.bold(certLabel('byCohort', lang))}\n`);
  parts.push(countsTable(certLabel('cohort', lang), rows(byCohort), lang));
  return parts.join('');
}
