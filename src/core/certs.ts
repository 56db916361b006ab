import type { CompiledRubric } from '../rubric/model.js';
import type { Certification, Duration } from '../rubric/schema.js';
import { addDays, compareDates, daysBetween, daysInMonth } from './dates.js';
import { problem, type Problem } from './problems.js';
import type { InstitutionRecord, SourceRef } from './records.js';
import type { InstitutionResult } from './results.js';
import { formatDate, formatValue, type PlainDate } from './values.js';

/**
 * Quality-certificate dates and states. Periods follow the Civil Act (민법 제160조): a period in years or
 * months ends the day before the matching day of the last month, or on that month's last day when it has
 * no matching day. Everything works on PlainDate, never on instants, so the machine's time zone cannot shift a day.
 */

/** A period in years, months and days, as the rubric's certification block writes it. */
export type Period = Duration;

/** The certification policy: validity, renewal window and the default "expiring soon" horizon. */
export type CertPolicy = Pick<Certification, 'validity' | 'renewalWindow' | 'expiringWithin'>;

/** One certificate as the register holds it; `source` is absent for certificates made from grade results. */
export interface Certificate {
  readonly id: string;
  readonly name: string;
  readonly region: string | null;
  readonly serviceType: string | null;
  readonly certificateNo: string;
  readonly notifiedOn: PlainDate;
  readonly revokedOn: PlainDate | null;
  readonly source?: SourceRef;
}

/** valid: in force beyond the horizon; expiring: in force, validity ends within the horizon; expired; revoked. */
export type CertStatus = 'valid' | 'expiring' | 'expired' | 'revoked';

/** `valid` selects every certificate in force (expiring ones too); `all` selects everything. */
export type CertStatusFilter = CertStatus | 'all';

export const CERT_STATUS_FILTERS: readonly CertStatusFilter[] = ['valid', 'expiring', 'expired', 'revoked', 'all'];

/** True when the text names a status. */
export function isCertStatus(text: string | null): text is CertStatus {
  return text === 'valid' || text === 'expiring' || text === 'expired' || text === 'revoked';
}

/** A certificate's dates and state on the as-of date. */
export interface CertificateState {
  readonly certificate: Certificate;
  /** the last day of validity */
  readonly validUntil: PlainDate;
  /** the first day renewal may be applied for */
  readonly renewalOpensOn: PlainDate;
  /** validUntil − as-of: 0 on the last valid day, negative once expired */
  readonly daysLeft: number;
  readonly status: CertStatus;
  /** in force and on or after renewalOpensOn */
  readonly renewalOpen: boolean;
}

/** Moves a date by whole months; `matched` is false when the target month has no such day (the last day is given). */
function shiftMonths(date: PlainDate, months: number): { date: PlainDate; matched: boolean } {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = daysInMonth(year, month);
  return date.day <= last ? { date: { year, month, day: date.day }, matched: true } : { date: { year, month, day: last }, matched: false };
}

const totalMonths = (period: Period) => (period.years ?? 0) * 12 + (period.months ?? 0);

/**
 * The first day after a period of this length that begins on `date` (the begin day counts).
 * Years and months reach the matching day; a month without it ends the period on its last day, so the
 * next day is the 1st of the following month. Days are added after that.
 */
export function addPeriod(date: PlainDate, period: Period): PlainDate {
  const shifted = shiftMonths(date, totalMonths(period));
  const afterMonths = shifted.matched ? shifted.date : addDays(shifted.date, 1);
  return addDays(afterMonths, period.days ?? 0);
}

/**
 * The latest day on which a period of this length can begin and still be over before `date`
 * (`addPeriod(result, period) <= date`); a month without the matching day gives its last day.
 */
export function subtractPeriod(date: PlainDate, period: Period): PlainDate {
  return shiftMonths(addDays(date, -(period.days ?? 0)), -totalMonths(period)).date;
}

/** The last day of a validity period that begins on `notifiedOn`: 2024-12-17 + 3 years → 2027-12-16, 2024-02-29 → 2027-02-28. */
export function validUntil(notifiedOn: PlainDate, validity: Period): PlainDate {
  return addDays(addPeriod(notifiedOn, validity), -1);
}

/** The first day of the renewal window: the window is the last `window` of validity, never shorter. */
export function renewalOpensOn(lastValidDay: PlainDate, window: Period): PlainDate {
  return subtractPeriod(addDays(lastValidDay, 1), window);
}

/** The last day of the "expiring soon" horizon that begins on the as-of date. */
export function horizonEnd(asOf: PlainDate, horizon: Period): PlainDate {
  return validUntil(asOf, horizon);
}

/**
 * A certificate's state on `asOf`. A revocation takes effect after its date (the certificate is still valid on
 * the revocation day); a revocation dated after the validity ended changes nothing.
 */
export function certificateState(certificate: Certificate, policy: CertPolicy, asOf: PlainDate): CertificateState {
  const lastValidDay = validUntil(certificate.notifiedOn, policy.validity);
  const opensOn = renewalOpensOn(lastValidDay, policy.renewalWindow);
  const daysLeft = daysBetween(asOf, lastValidDay);
  const revoked = certificate.revokedOn;
  let status: CertStatus;
  if (revoked !== null && compareDates(revoked, lastValidDay) <= 0 && compareDates(asOf, revoked) > 0) status = 'revoked';
  else if (daysLeft < 0) status = 'expired';
  else if (compareDates(lastValidDay, horizonEnd(asOf, policy.expiringWithin)) <= 0) status = 'expiring';
  else status = 'valid';
  const inForce = status === 'valid' || status === 'expiring';
  return {
    certificate,
    validUntil: lastValidDay,
    renewalOpensOn: opensOn,
    daysLeft,
    status,
    renewalOpen: inForce && compareDates(opensOn, asOf) <= 0,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders states by expiry, then institution id, then certificate number. */
function compareByExpiry(a: CertificateState, b: CertificateState): number {
  return (
    compareDates(a.validUntil, b.validUntil) ||
    byText(a.certificate.id, b.certificate.id) ||
    byText(a.certificate.certificateNo, b.certificate.certificateNo)
  );
}

/**
 * The state of every certificate notified on or before `asOf`, sorted by expiry. Certificates notified later did
 * not exist on the as-of date: they are left out, with one info problem that names them.
 */
export function assessCertificates(
  certificates: readonly Certificate[],
  policy: CertPolicy,
  asOf: PlainDate,
): { states: CertificateState[]; problems: Problem[] } {
  const later = certificates.filter((c) => compareDates(c.notifiedOn, asOf) > 0);
  const states = certificates
    .filter((c) => compareDates(c.notifiedOn, asOf) <= 0)
    .map((c) => certificateState(c, policy, asOf))
    .sort(compareByExpiry);
  const problems =
    later.length === 0
      ? []
      : [
          problem('CERTS_NOTIFIED_AFTER_AS_OF', 'info', {}, {
            count: later.length,
            asOf: formatDate(asOf),
            certificates: later.map((c) => c.certificateNo).join(', '),
          }),
        ];
  return { states, problems };
}

/** True when the state passes the --status filter. */
export function matchesStatus(state: CertificateState, filter: CertStatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'valid') return state.status === 'valid' || state.status === 'expiring';
  return state.status === filter;
}

/** Counts on the as-of date; `valid` counts every certificate in force, `expiring` those of them ending within the horizon. */
export interface StatusCounts {
  readonly total: number;
  readonly valid: number;
  readonly expiring: number;
  readonly expired: number;
  readonly revoked: number;
  readonly renewalOpen: number;
}

/** Counts of one group; `key` null is the group of certificates without a value. */
export interface SummaryRow {
  readonly key: string | null;
  readonly counts: StatusCounts;
}

export interface CertSummary {
  readonly overall: StatusCounts;
  readonly byRegion: readonly SummaryRow[];
  readonly byCohort: readonly SummaryRow[];
}

/** Counts states by status. */
export function countStatuses(states: readonly CertificateState[]): StatusCounts {
  const count = (test: (s: CertificateState) => boolean) => states.filter(test).length;
  return {
    total: states.length,
    valid: count((s) => s.status === 'valid' || s.status === 'expiring'),
    expiring: count((s) => s.status === 'expiring'),
    expired: count((s) => s.status === 'expired'),
    revoked: count((s) => s.status === 'revoked'),
    renewalOpen: count((s) => s.renewalOpen),
  };
}

/** Fields a certificate list can be grouped by: the register's fields, `cohort` (notification year) and `status`. */
export const CERT_GROUP_FIELDS = [
  'id',
  'name',
  'region',
  'service_type',
  'certificate_no',
  'notified_on',
  'revoked_on',
  'cohort',
  'status',
] as const;

export type CertGroupField = (typeof CERT_GROUP_FIELDS)[number];

/** The group key of a state for a field; null when the certificate has no value there. */
export function groupKey(state: CertificateState, field: CertGroupField): string | null {
  const c = state.certificate;
  switch (field) {
    case 'id':
      return c.id;
    case 'name':
      return c.name;
    case 'region':
      return c.region;
    case 'service_type':
      return c.serviceType;
    case 'certificate_no':
      return c.certificateNo;
    case 'notified_on':
      return formatDate(c.notifiedOn);
    case 'revoked_on':
      return c.revokedOn === null ? null : formatDate(c.revokedOn);
    case 'cohort':
      return String(c.notifiedOn.year);
    case 'status':
      return state.status;
  }
}

/** One group of states, in expiry order. */
export interface CertGroup {
  readonly key: string | null;
  readonly states: readonly CertificateState[];
}

/** Groups states by a field, groups ordered by key (code-point order, no value last), states keeping their order. */
export function groupStates(states: readonly CertificateState[], field: CertGroupField): CertGroup[] {
  const groups = new Map<string | null, CertificateState[]>();
  for (const state of states) {
    const key = groupKey(state, field);
    const members = groups.get(key);
    if (members) members.push(state);
    else groups.set(key, [state]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : byText(a, b)))
    .map(([key, members]) => ({ key, states: members }));
}

/** The summary on the as-of date: overall, by region and by notification-year cohort. */
export function summarizeCertificates(states: readonly CertificateState[]): CertSummary {
  const rows = (field: CertGroupField) => groupStates(states, field).map((g) => ({ key: g.key, counts: countStatuses(g.states) }));
  return { overall: countStatuses(states), byRegion: rows('region'), byCohort: rows('cohort') };
}

/** Parses a --within horizon such as 90d, 6m or 1y (1 to 9999 units); undefined when it is not one. */
export function parseHorizon(text: string): Period | undefined {
  const match = /^([1-9]\d{0,3})([dmy])$/.exec(text.normalize('NFKC').trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'd' ? { days: amount } : match[2] === 'm' ? { months: amount } : { years: amount };
}

/** A provisional certificate number for a passer: rubric id, notification date and institution id. */
function provisionalCertificateNo(rubricId: string, notifiedOn: PlainDate, id: string): string {
  return `${rubricId}-${formatDate(notifiedOn).replaceAll('-', '')}-${id}`;
}

/** A passer of a certifying evaluation with its certificate and its validity. */
export interface CertifiedResult {
  readonly result: InstitutionResult;
  readonly certificate: Certificate;
  readonly validUntil: PlainDate;
  readonly renewalOpensOn: PlainDate;
}

/**
 * The institutions whose final grade is one of the rubric's pass grades (eligibility and score rules are the
 * rubric's grading and limiters, already applied by the grade engine), each with a certificate notified on
 * `notifiedOn` and a provisional number. Region and service type come from the graded records' `region` and
 * `service_type` fields. Undefined when the rubric has no certification policy.
 */
export function certifyResults(
  results: readonly InstitutionResult[],
  rubric: CompiledRubric,
  notifiedOn: PlainDate,
  records: readonly InstitutionRecord[],
): CertifiedResult[] | undefined {
  const policy = rubric.rubric.certification;
  if (policy === undefined) return undefined;
  const passGrades = new Set(policy.passGrades);
  const recordOf = new Map(records.map((record) => [record.id, record]));
  const text = (id: string, field: string) => {
    const value = recordOf.get(id)?.values.get(field);
    return value === undefined || value === null ? null : formatValue(value);
  };
  const lastValidDay = validUntil(notifiedOn, policy.validity);
  const opensOn = renewalOpensOn(lastValidDay, policy.renewalWindow);
  return results
    .filter((result) => result.grade !== null && passGrades.has(result.grade))
    .map((result) => ({
      result,
      certificate: {
        id: result.id,
        name: result.name,
        region: text(result.id, 'region'),
        serviceType: text(result.id, 'service_type'),
        certificateNo: provisionalCertificateNo(rubric.rubric.id, notifiedOn, result.id),
        notifiedOn,
        revokedOn: null,
      },
      validUntil: lastValidDay,
      renewalOpensOn: opensOn,
    }));
}
