import { parseIsoDate } from '../core/dates.js';
import type { Lang } from '../messages/catalogue.js';
import { certLabel, periodLabel, type CertLabel } from '../messages/certs.js';
import { CERTIFICATE_COLUMNS, COUNT_COLUMNS, cellText, groupFieldLabel, type CertColumn, type CertColumnKind } from './certs-columns.js';
import type { CertificateOut, CertsDocument, CountsOut } from './certs-json.js';
import { addTableSheet, newWorkbook, workbookBytes, type CellKind, type SheetCell } from './xlsx-table.js';

const SHEET_KIND: Record<CertColumnKind, CellKind> = { text: 'text', id: 'id', date: 'date', integer: 'integer', status: 'text', flag: 'text' };

/** A certificate cell as Excel holds it: dates as dates, integers as numbers, ids and the rest as text. */
function sheetCell(column: CertColumn<CertificateOut>, row: CertificateOut, lang: Lang): SheetCell {
  const value = column.value(row);
  if (value === null) return null;
  if (column.kind === 'date') return typeof value === 'string' ? (parseIsoDate(value) ?? value) : null;
  if (typeof value === 'number') return value;
  return cellText(column, row, lang);
}

/**
 * The certs report as an Excel workbook: a certificate sheet (by group with --group-by, then by expiry) and a
 * summary sheet with the counts, then the as-of date and policy. Small, so built in memory.
 */
export async function renderCertsXlsx(doc: CertsDocument, lang: Lang): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const groupField = doc.groupBy;
  addTableSheet(
    workbook,
    certLabel('certificates', lang),
    [
      ...(groupField === null ? [] : [{ header: groupFieldLabel(groupField, lang), kind: 'text' as const }]),
      ...CERTIFICATE_COLUMNS.map((c) => ({ header: c.header(lang), kind: SHEET_KIND[c.kind] })),
    ],
    doc.certificates.map((c) => [
      ...(groupField === null ? [] : [c.group ?? certLabel('none', lang)]),
      ...CERTIFICATE_COLUMNS.map((column) => sheetCell(column, c, lang)),
    ]),
    { grades: [] },
  );

  const countRow = (section: CertLabel, key: string | null, counts: CountsOut): SheetCell[] => [
    certLabel(section, lang),
    key ?? certLabel('none', lang),
    ...COUNT_COLUMNS.map((c) => counts[c.key]),
  ];
  const rows = [
    countRow('overall', certLabel('total', lang), doc.summary.overall),
    ...doc.summary.byRegion.map((row) => countRow('byRegion', row.key, row)),
    ...doc.summary.byCohort.map((row) => countRow('byCohort', row.key, row)),
  ];
  const summary = addTableSheet(
    workbook,
    certLabel('summary', lang),
    [
      { header: certLabel('section', lang), kind: 'text' },
      { header: certLabel('group', lang), kind: 'text' },
      ...COUNT_COLUMNS.map((c) => ({ header: certLabel(c.label, lang), kind: 'integer' as const })),
    ],
    rows,
    { grades: [] },
  );
  const facts: [CertLabel, string][] = [
    ['asOf', doc.asOf],
    ['rubric', `${doc.rubric.id}@${doc.rubric.version} (sha256 ${doc.rubric.sha256})`],
    ['validity', periodLabel(doc.policy.validity, lang)],
    ['renewalWindow', periodLabel(doc.policy.renewalWindow, lang)],
    ['horizon', `${periodLabel(doc.policy.expiringWithin, lang)} (${certLabel('until', lang, { date: doc.horizonEnd })})`],
  ];
  facts.forEach(([key, value], i) => {
    const row = summary.getRow(rows.length + 3 + i);
    row.getCell(1).value = certLabel(key, lang);
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
  });
  return workbookBytes(workbook);
}
