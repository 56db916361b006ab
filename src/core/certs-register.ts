import type { CompiledCheck } from '../rubric/model.js';
import type { Field } from '../rubric/schema.js';
import { validUntil, type CertPolicy, type Certificate } from './certs.js';
import { compareDates } from './dates.js';
import { problem, type Problem } from './problems.js';
import type { InstitutionRecord } from './records.js';
import type { RecordSpec } from './validate.js';
import { formatDate, formatValue, isPlainDate, type FieldValue } from './values.js';

/** The certificate register's columns as rubric fields, so ingest matches Korean and English headers the usual way. */
export const REGISTER_FIELDS: readonly Field[] = [
  {
    id: 'id',
    label: { ko: '기관코드', en: 'Institution code' },
    aliases: ['기관코드', '기관 코드', '기관번호', 'id', 'institution_id', 'institution code'],
    type: 'id',
    required: true,
  },
  {
    id: 'name',
    label: { ko: '기관명', en: 'Institution' },
    aliases: ['기관명', '기관 이름', '기관', 'name', 'institution', 'institution name'],
    type: 'text',
    required: true,
  },
  {
    id: 'region',
    label: { ko: '시도', en: 'Region' },
    aliases: ['시도', '시·도', '시/도', '지역', 'region'],
    type: 'text',
    required: false,
  },
  {
    id: 'service_type',
    label: { ko: '서비스유형', en: 'Service type' },
    aliases: ['서비스유형', '서비스 유형', '서비스', 'service_type', 'service type'],
    type: 'text',
    required: false,
  },
  {
    id: 'certificate_no',
    label: { ko: '인증번호', en: 'Certificate no.' },
    aliases: ['인증번호', '인증 번호', '인증서번호', 'certificate_no', 'certificate no.', 'certificate no', 'certificate number'],
    type: 'id',
    required: true,
  },
  {
    id: 'notified_on',
    label: { ko: '인증통보일', en: 'Notified on' },
    aliases: ['인증통보일', '인증 통보일', '통보일', '인증일', 'notified_on', 'notified on', 'notification date'],
    type: 'date',
    required: true,
  },
  {
    id: 'revoked_on',
    label: { ko: '인증취소일', en: 'Revoked on' },
    aliases: ['인증취소일', '인증 취소일', '취소일', 'revoked_on', 'revoked on', 'revocation date'],
    type: 'date',
    required: false,
  },
];

/** A revocation cannot come before the notification; ingest reports a failed check at the 인증취소일 cell. */
const REVOKED_AFTER_NOTIFIED: CompiledCheck = {
  check: {
    id: 'revoked_on_after_notified_on',
    assert: 'revoked_on >= notified_on',
    severity: 'error',
    message: { ko: '인증취소일이 인증통보일보다 앞섭니다', en: 'the revocation date is before the notification date' },
  },
  assert: {
    kind: 'binary',
    op: '>=',
    left: { kind: 'name', name: 'revoked_on', at: 0 },
    right: { kind: 'name', name: 'notified_on', at: 14 },
  },
};

/**
 * What ingest reads a register against. The key is the certificate number, so a number listed twice is an error
 * while an institution may hold several certificates over the years (a renewal is a new certificate).
 */
export const REGISTER_SPEC: RecordSpec = {
  fields: REGISTER_FIELDS,
  idField: 'certificate_no',
  nameField: 'name',
  checks: [REVOKED_AFTER_NOTIFIED],
  indicators: [],
};

const text = (value: FieldValue | undefined): string | null => (value === undefined || value === null ? null : formatValue(value));

/**
 * Certificates from register records (read with REGISTER_SPEC). A revocation dated after the certificate had
 * expired is reported as a warning: it changes nothing. Records without an institution code or a notification
 * date are left out: ingest has already reported the missing required value.
 */
export function certificatesFromRecords(
  records: readonly InstitutionRecord[],
  policy: CertPolicy,
): { certificates: Certificate[]; problems: Problem[] } {
  const certificates: Certificate[] = [];
  const problems: Problem[] = [];
  for (const record of records) {
    const notifiedOn = record.values.get('notified_on');
    const revokedValue = record.values.get('revoked_on');
    const id = text(record.values.get('id'));
    if (!isPlainDate(notifiedOn) || id === null) continue;
    const revokedOn = isPlainDate(revokedValue) ? revokedValue : null;
    if (revokedOn !== null) {
      const lastValidDay = validUntil(notifiedOn, policy.validity);
      if (compareDates(revokedOn, lastValidDay) > 0) {
        const { file, sheet, row, line } = record.source;
        const position = { file, ...(sheet === undefined ? {} : { sheet }), row, line, field: 'revoked_on', institution: id };
        const args = { revokedOn: formatDate(revokedOn), validUntil: formatDate(lastValidDay) };
        problems.push(problem('CERT_REVOKED_AFTER_EXPIRY', 'warning', position, args, args.revokedOn));
      }
    }
    certificates.push({
      id,
      name: record.name,
      region: text(record.values.get('region')),
      serviceType: text(record.values.get('service_type')),
      certificateNo: record.id,
      notifiedOn,
      revokedOn,
      source: record.source,
    });
  }
  return { certificates, problems };
}
