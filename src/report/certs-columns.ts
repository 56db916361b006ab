import { isCertStatus } from '../core/certs.js';
import { REGISTER_FIELDS } from '../core/certs-register.js';
import type { Lang } from '../messages/catalogue.js';
import { certLabel, certStatusLabel, type CertLabel } from '../messages/certs.js';
import { pickLabel } from '../messages/label.js';
import type { CertificateOut, CountsOut } from './certs-json.js';

/** How a column's values are shown: text, an identifier (text that keeps its zeros), a YYYY-MM-DD date, an integer, a status name or yes/no. */
export type CertColumnKind = 'text' | 'id' | 'date' | 'integer' | 'status' | 'flag';

/** The register part of a certificate line. */
export type RegisterRow = Pick<CertificateOut, 'id' | 'name' | 'region' | 'serviceType' | 'certificateNo' | 'notifiedOn' | 'revokedOn'>;

export interface CertColumn<Row> {
  readonly kind: CertColumnKind;
  readonly header: (lang: Lang) => string;
  readonly value: (row: Row) => string | number | boolean | null;
}

const REGISTER_VALUES: Readonly<Record<string, (row: RegisterRow) => string | null>> = {
  id: (row) => row.id,
  name: (row) => row.name,
  region: (row) => row.region,
  service_type: (row) => row.serviceType,
  certificate_no: (row) => row.certificateNo,
  notified_on: (row) => row.notifiedOn,
  revoked_on: (row) => row.revokedOn,
};

/** The register's columns, headed by the register fields' own labels so a written register reads back. */
export const REGISTER_COLUMNS: readonly CertColumn<RegisterRow>[] = REGISTER_FIELDS.map((field) => ({
  kind: field.type === 'date' ? 'date' : field.type === 'id' ? 'id' : 'text',
  header: (lang: Lang) => pickLabel(field.label, lang),
  value: (row: RegisterRow) => REGISTER_VALUES[field.id]?.(row) ?? null,
}));

const stateColumn = (label: CertLabel, kind: CertColumnKind, value: CertColumn<CertificateOut>['value']): CertColumn<CertificateOut> => ({
  kind,
  header: (lang) => certLabel(label, lang),
  value,
});

/** Every format's certificate columns, in order: the register's, then validity, days left, status and renewal. */
export const CERTIFICATE_COLUMNS: readonly CertColumn<CertificateOut>[] = [
  ...REGISTER_COLUMNS,
  stateColumn('valid_until', 'date', (c) => c.validUntil),
  stateColumn('days_left', 'integer', (c) => c.daysLeft),
  stateColumn('status', 'status', (c) => c.status),
  stateColumn('renewal_opens_on', 'date', (c) => c.renewalOpensOn),
  stateColumn('renewal_open', 'flag', (c) => c.renewalOpen),
];

/** A cell as text in a language: statuses and yes/no by name, missing as empty. */
export function cellText<Row>(column: CertColumn<Row>, row: Row, lang: Lang): string {
  const value = column.value(row);
  if (value === null) return '';
  if (column.kind === 'flag') return certLabel(value === true ? 'yes' : 'no', lang);
  if (column.kind === 'status' && typeof value === 'string' && isCertStatus(value)) return certStatusLabel(value, lang);
  return String(value);
}

/** The summary's count columns, in order. */
export const COUNT_COLUMNS: readonly { readonly key: keyof CountsOut; readonly label: CertLabel }[] = [
  { key: 'total', label: 'total' },
  { key: 'valid', label: 'valid' },
  { key: 'expiring', label: 'expiring' },
  { key: 'expired', label: 'expired' },
  { key: 'revoked', label: 'revoked' },
  { key: 'renewalOpen', label: 'renewal_open' },
];

/** The heading of a --group-by field: a register field's label, or the cohort or status label. */
export function groupFieldLabel(field: string, lang: Lang): string {
  const registerField = REGISTER_FIELDS.find((f) => f.id === field);
  if (registerField) return pickLabel(registerField.label, lang);
  return field === 'cohort' || field === 'status' ? certLabel(field, lang) : field;
}
