import { stringify } from 'csv-stringify/sync';
import type { Certificate } from '../core/certs.js';
import { formatDate } from '../core/values.js';
import type { Lang } from '../messages/catalogue.js';
import { CERTIFICATE_COLUMNS, REGISTER_COLUMNS, cellText, type CertColumn } from './certs-columns.js';
import type { CertsDocument } from './certs-json.js';

/**
 * A table as CSV: UTF-8 with BOM (Korean Excel shows mojibake without it), formula-leading text escaped,
 * integers left as numbers so a negative day count is not escaped as a formula.
 */
function tableCsv<Row>(columns: readonly CertColumn<Row>[], rows: readonly Row[], lang: Lang): string {
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      return typeof value === 'number' ? value : cellText(column, row, lang);
    }),
  );
  return stringify([columns.map((column) => column.header(lang)), ...cells], { bom: true, escape_formulas: true, record_delimiter: '\r\n' });
}

/** The selected certificates as CSV; its first columns are a register, so `sseval certs` reads the file back. */
export function renderCertsCsv(doc: CertsDocument, lang: Lang): string {
  return tableCsv(CERTIFICATE_COLUMNS, doc.certificates, lang);
}

/** Certificates as a register CSV (the register's columns only), as `sseval certs` reads it. */
export function renderRegisterCsv(certificates: readonly Certificate[], lang: Lang): string {
  const rows = certificates.map((c) => ({
    ...c,
    notifiedOn: formatDate(c.notifiedOn),
    revokedOn: c.revokedOn === null ? null : formatDate(c.revokedOn),
  }));
  return tableCsv(REGISTER_COLUMNS, rows, lang);
}
