import type { CertStatus, Period } from '../core/certs.js';
import type { MessageArgs } from '../core/problems.js';
import { fillTemplate, type Catalogue, type Lang } from './catalogue.js';

/** Messages for the certificate register and `sseval certs`. */
export const certsMessages: Catalogue = {
  CERTS_NO_POLICY: {
    ko: '평가 기준 {rubric}에 인증 정책(certification: 유효기간, 갱신 신청 기간, 만료 임박 기간)이 없습니다',
    en: 'rubric {rubric} has no certification policy (certification: validity, renewalWindow, expiringWithin)',
  },
  CERTS_REGISTER_HAS_ERRORS: {
    ko: '인증 대장에 오류가 있어 현황을 내지 않았습니다. 위의 오류를 고친 뒤 다시 실행하세요',
    en: 'the certificate register has errors, so no report was made; fix the errors above and run again',
  },
  CERTS_NOTIFIED_AFTER_AS_OF: {
    ko: '인증통보일이 기준일 {asOf}보다 늦은 인증 {count}건은 집계하지 않았습니다: {certificates}',
    en: '{count} certificates notified after the as-of date {asOf} are not counted: {certificates}',
  },
  CERTS_EXPIRING: {
    ko: '인증 {count}건의 유효기간이 {until}까지 끝납니다 (--fail-if-expiring)',
    en: '{count} certificates expire by {until} (--fail-if-expiring)',
  },
  CERT_REVOKED_AFTER_EXPIRY: {
    ko: '인증취소일 {revokedOn}은(는) 유효기간 만료일 {validUntil} 뒤이므로 상태에 반영하지 않았습니다',
    en: 'revocation date {revokedOn} is after the certificate expired on {validUntil}, so it does not change the status',
  },
};

/** Column headings, status names and summary labels of the certificate reports. */
const LABELS = {
  valid_until: { ko: '유효기간 만료일', en: 'Valid until' },
  days_left: { ko: '남은 일수', en: 'Days left' },
  status: { ko: '상태', en: 'Status' },
  renewal_opens_on: { ko: '갱신 신청 시작일', en: 'Renewal opens' },
  renewal_open: { ko: '갱신 신청 가능', en: 'Renewal open' },
  cohort: { ko: '인증연도', en: 'Cohort' },
  total: { ko: '전체', en: 'Total' },
  valid: { ko: '유효', en: 'Valid' },
  expiring: { ko: '만료 임박', en: 'Expiring' },
  expired: { ko: '만료', en: 'Expired' },
  revoked: { ko: '취소', en: 'Revoked' },
  yes: { ko: '예', en: 'yes' },
  no: { ko: '아니오', en: 'no' },
  none: { ko: '(없음)', en: '(none)' },
  summary: { ko: '요약', en: 'Summary' },
  certificates: { ko: '인증 목록', en: 'Certificates' },
  overall: { ko: '전체', en: 'Overall' },
  byRegion: { ko: '시도별', en: 'By region' },
  byCohort: { ko: '인증연도별', en: 'By cohort' },
  asOf: { ko: '기준일', en: 'As of' },
  horizon: { ko: '만료 임박 기준', en: 'Expiring horizon' },
  validity: { ko: '유효기간', en: 'Validity' },
  renewalWindow: { ko: '갱신 신청 기간', en: 'Renewal window' },
  rubric: { ko: '평가 기준', en: 'Rubric' },
  group: { ko: '묶음', en: 'Group' },
  section: { ko: '구분', en: 'Section' },
  count: { ko: '{count}건', en: '{count} certificates' },
  until: { ko: '{date}까지', en: 'until {date}' },
} as const satisfies Catalogue;

export type CertLabel = keyof typeof LABELS;

/** A certificate-report label in a language, `{name}` placeholders filled from `args`. */
export function certLabel(key: CertLabel, lang: Lang, args: MessageArgs = {}): string {
  return fillTemplate(LABELS[key][lang], args);
}

/** The name of a status in a language. */
export function certStatusLabel(status: CertStatus, lang: Lang): string {
  return LABELS[status][lang];
}

/** A period in words: 3년, 6개월, 90일 / 3 years, 6 months, 90 days. */
export function periodLabel(period: Period, lang: Lang): string {
  const parts: string[] = [];
  const unit = (n: number, ko: string, en: string) => (lang === 'ko' ? `${n}${ko}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  if (period.years) parts.push(unit(period.years, '년', 'year'));
  if (period.months) parts.push(unit(period.months, '개월', 'month'));
  if (period.days) parts.push(unit(period.days, '일', 'day'));
  return parts.length === 0 ? unit(0, '일', 'day') : parts.join(' ');
}
