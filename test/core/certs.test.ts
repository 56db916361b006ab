import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import {
  addPeriod,
  assessCertificates,
  certificateState,
  certifyResults,
  countStatuses,
  groupStates,
  horizonEnd,
  matchesStatus,
  parseHorizon,
  renewalOpensOn,
  subtractPeriod,
  summarizeCertificates,
  validUntil,
  type CertPolicy,
  type Certificate,
  type Period,
} from '../../src/core/certs.js';
import { addDays, compareDates, daysInMonth, fromDayNumber, parseIsoDate, toDayNumber } from '../../src/core/dates.js';
import { gradeInstitutions } from '../../src/core/engine.js';
import { formatDate, type PlainDate } from '../../src/core/values.js';
import { record, rubricFrom } from '../helpers/rubric.js';

const d = (iso: string): PlainDate => {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`bad test date ${iso}`);
  return date;
};

const POLICY: CertPolicy = { validity: { years: 3 }, renewalWindow: { months: 6 }, expiringWithin: { days: 90 } };

const cert = (notifiedOn: string, overrides: Partial<Certificate> = {}): Certificate => ({
  id: 'P0001',
  name: '늘봄 재가복지센터',
  region: '서울',
  serviceType: '노인맞춤돌봄',
  certificateNo: `QC-${notifiedOn}`,
  notifiedOn: d(notifiedOn),
  revokedOn: null,
  ...overrides,
});

describe('validUntil: the Civil Act rule for periods', () => {
  it.each([
    // the three dates
    ['2024-12-17', { years: 3 }, '2027-12-16'],
    ['2024-02-29', { years: 3 }, '2027-02-28'],
    ['2021-03-01', { years: 3 }, '2024-02-29'],
    // leap days: a matching 02-29 exists in a leap year, so the day before it is 02-28
    ['2020-02-29', { years: 4 }, '2024-02-28'],
    ['2000-02-29', { years: 100 }, '2100-02-28'],
    ['2000-02-29', { years: 400 }, '2400-02-28'],
    ['2023-03-01', { years: 3 }, '2026-02-28'],
    ['2025-03-01', { years: 3 }, '2028-02-29'],
    ['1997-03-01', { years: 3 }, '2000-02-29'],
    ['1897-03-01', { years: 3 }, '1900-02-28'],
    // year ends
    ['2024-01-01', { years: 3 }, '2026-12-31'],
    ['2023-12-31', { years: 3 }, '2026-12-30'],
    // month ends: no matching day → that month's last day
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2023-01-31', { months: 1 }, '2023-02-28'],
    ['2024-01-30', { months: 1 }, '2024-02-29'],
    ['2024-01-29', { months: 1 }, '2024-02-28'],
    ['2024-03-31', { months: 1 }, '2024-04-30'],
    ['2024-08-31', { months: 6 }, '2025-02-28'],
    ['2024-10-31', { months: 4 }, '2025-02-28'],
    ['2024-05-31', { months: 1 }, '2024-06-30'],
    ['2024-12-31', { months: 2 }, '2025-02-28'],
    // days count the first day
    ['2024-02-28', { days: 2 }, '2024-02-29'],
    ['2025-06-30', { days: 90 }, '2025-09-27'],
    ['2024-12-31', { days: 1 }, '2024-12-31'],
    // combined: months first (to 2025-08-31), then days
    ['2024-02-29', { years: 1, months: 6, days: 10 }, '2025-09-07'],
    ['2024-01-31', { months: 1, days: 1 }, '2024-03-01'],
  ] satisfies [string, Period, string][])('%s + %o → %s', (from, period, expected) => {
    expect(formatDate(validUntil(d(from), period))).toBe(expected);
  });

  it('addPeriod gives the first day after the period, the 1st of next month when the last month has no matching day', () => {
    expect(formatDate(addPeriod(d('2024-02-29'), { years: 3 }))).toBe('2027-03-01');
    expect(formatDate(addPeriod(d('2024-12-17'), { years: 3 }))).toBe('2027-12-17');
    expect(formatDate(addPeriod(d('2024-01-31'), { months: 1 }))).toBe('2024-03-01');
    expect(formatDate(addPeriod(d('2024-01-15'), {}))).toBe('2024-01-15');
  });
});

describe('renewal window and horizon', () => {
  it.each([
    ['2027-12-16', { months: 6 }, '2027-06-17'],
    ['2027-02-28', { months: 6 }, '2026-09-01'],
    ['2024-02-29', { months: 6 }, '2023-09-01'],
    // 2025-12-31 − 6 months has no 06-31: the window opens on 06-30, so it is never shorter than 6 months
    ['2025-12-30', { months: 6 }, '2025-06-30'],
    ['2025-08-30', { months: 6 }, '2025-02-28'],
    ['2028-08-30', { months: 6 }, '2028-02-29'],
    ['2027-12-16', { days: 30 }, '2027-11-17'],
    ['2027-12-16', { years: 1 }, '2026-12-17'],
  ] satisfies [string, Period, string][])('valid until %s, window %o → opens %s', (until, window, expected) => {
    expect(formatDate(renewalOpensOn(d(until), window))).toBe(expected);
  });

  it('the horizon of 90 days from 2025-06-30 ends on 2025-09-27, of 6 months on 2025-12-29', () => {
    expect(formatDate(horizonEnd(d('2025-06-30'), { days: 90 }))).toBe('2025-09-27');
    expect(formatDate(horizonEnd(d('2025-06-30'), { months: 6 }))).toBe('2025-12-29');
    expect(formatDate(horizonEnd(d('2025-06-30'), { years: 1 }))).toBe('2026-06-29');
  });
});

describe('certificateState on 2025-06-30 (3 years, renewal from 6 months before, expiring within 90 days)', () => {
  const asOf = d('2025-06-30');
  it.each([
    // notified,    revoked,      validUntil,   daysLeft, status,     renewalOpen
    ['2022-06-30', null, '2025-06-29', -1, 'expired', false],
    ['2022-07-01', null, '2025-06-30', 0, 'expiring', true],
    ['2022-09-28', null, '2025-09-27', 89, 'expiring', true],
    ['2022-09-29', null, '2025-09-28', 90, 'valid', true],
    ['2022-12-31', null, '2025-12-30', 183, 'valid', true],
    ['2023-01-01', null, '2025-12-31', 184, 'valid', false],
    ['2021-03-01', null, '2024-02-29', -487, 'expired', false],
    ['2024-02-29', null, '2027-02-28', 608, 'valid', false],
    // revoked: not valid after the revocation date, still valid on it
    ['2023-05-10', '2025-06-29', '2026-05-09', 313, 'revoked', false],
    ['2023-05-10', '2025-06-30', '2026-05-09', 313, 'valid', false],
    ['2022-07-01', '2025-06-30', '2025-06-30', 0, 'expiring', true],
    // a revocation after the certificate expired changes nothing
    ['2021-03-01', '2024-05-01', '2024-02-29', -487, 'expired', false],
  ] as const)('notified %s revoked %s → %s, %i days, %s, renewal %s', (notified, revoked, until, daysLeft, status, renewalOpen) => {
    const state = certificateState(cert(notified, { revokedOn: revoked === null ? null : d(revoked) }), POLICY, asOf);
    expect(formatDate(state.validUntil)).toBe(until);
    expect(state.daysLeft).toBe(daysLeft);
    expect(state.status).toBe(status);
    expect(state.renewalOpen).toBe(renewalOpen);
  });
});

describe('assess, filter, summarise, group', () => {
  const asOf = d('2025-06-30');
  const certificates = [
    cert('2023-01-01', { id: 'A', region: '부산', certificateNo: 'N1' }),
    cert('2022-07-01', { id: 'B', region: '서울', certificateNo: 'N2' }),
    cert('2022-01-10', { id: 'C', region: '서울', certificateNo: 'N3' }),
    cert('2024-03-05', { id: 'D', region: null, certificateNo: 'N4', revokedOn: d('2025-01-02') }),
    cert('2025-07-01', { id: 'E', region: '부산', certificateNo: 'N5' }),
  ];
  const { states, problems } = assessCertificates(certificates, POLICY, asOf);

  it('leaves out certificates notified after the as-of date, with one info problem', () => {
    expect(states.map((s) => s.certificate.id)).toEqual(['C', 'B', 'A', 'D']);
    expect(problems).toEqual([
      { code: 'CERTS_NOTIFIED_AFTER_AS_OF', severity: 'info', position: {}, args: { count: 1, asOf: '2025-06-30', certificates: 'N5' } },
    ]);
  });

  it('counts valid including expiring, and each status', () => {
    expect(countStatuses(states)).toEqual({ total: 4, valid: 2, expiring: 1, expired: 1, revoked: 1, renewalOpen: 1 });
  });

  it('filters by status, `valid` meaning in force', () => {
    const ids = (filter: Parameters<typeof matchesStatus>[1]) => states.filter((s) => matchesStatus(s, filter)).map((s) => s.certificate.id);
    expect(ids('valid')).toEqual(['B', 'A']);
    expect(ids('expiring')).toEqual(['B']);
    expect(ids('expired')).toEqual(['C']);
    expect(ids('revoked')).toEqual(['D']);
    expect(ids('all')).toEqual(['C', 'B', 'A', 'D']);
  });

  it('summarises by region (missing last) and by cohort', () => {
    const summary = summarizeCertificates(states);
    expect(summary.byRegion.map((r) => [r.key, r.counts.total, r.counts.valid])).toEqual([
      ['부산', 1, 1],
      ['서울', 2, 1],
      [null, 1, 0],
    ]);
    expect(summary.byCohort.map((r) => [r.key, r.counts.total])).toEqual([
      ['2022', 2],
      ['2023', 1],
      ['2024', 1],
    ]);
  });

  it('groups keep expiry order inside each group', () => {
    expect(groupStates(states, 'status').map((g) => [g.key, g.states.map((s) => s.certificate.id)])).toEqual([
      ['expired', ['C']],
      ['expiring', ['B']],
      ['revoked', ['D']],
      ['valid', ['A']],
    ]);
  });
});

describe('parseHorizon', () => {
  it.each([
    ['90d', { days: 90 }],
    ['6m', { months: 6 }],
    ['1y', { years: 1 }],
    [' 12M ', { months: 12 }],
    ['９０ｄ', { days: 90 }],
    ['9999d', { days: 9999 }],
  ])('%j → %o', (text, period) => {
    expect(parseHorizon(text)).toEqual(period);
  });

  it.each(['', '0d', '10000d', '-1d', '1.5m', '1w', '90', 'd', '6 m', '1y6m', '06m'])('rejects %j', (text) => {
    expect(parseHorizon(text)).toBeUndefined();
  });

  test.prop([fc.string()])('accepts exactly a positive count of up to 4 digits and a unit', (text) => {
    const canonical = /^[1-9]\d{0,3}[dmy]$/.test(text.normalize('NFKC').trim().toLowerCase());
    expect(parseHorizon(text) !== undefined).toBe(canonical);
  });

  test.prop([fc.integer({ min: 1, max: 9999 }), fc.constantFrom('d', 'm', 'y')])('reads back what it formats', (n, unit) => {
    const period = parseHorizon(`${n}${unit}`);
    expect(period).toEqual(unit === 'd' ? { days: n } : unit === 'm' ? { months: n } : { years: n });
  });
});

describe('certifyResults', () => {
  // validity 2 years, renewal from 3 months before expiry (test/fixtures/rubrics/cert-policy.yaml)
  const rubric = rubricFrom(readFileSync('test/fixtures/rubrics/cert-policy.yaml', 'utf8'));
  const asOf = d('2024-12-01');
  const records = [
    record('P1', { name: '늘봄 노인복지센터', region: '서울', service_type: '노인맞춤돌봄', opened_on: d('2015-03-02'), score: 91 }),
    record('P2', { name: '햇살 방문요양센터', region: '부산', service_type: null, opened_on: d('2010-01-01'), score: 79.9 }),
    record('P3', { name: '새날 아이돌봄센터', region: '제주', service_type: '아이돌봄', opened_on: d('2022-06-01'), score: 95 }),
    record('P4', { name: '도담 산모돌봄센터', region: null, service_type: '산모신생아건강관리', opened_on: d('2021-12-01'), score: 80 }),
  ];
  const { results } = gradeInstitutions(rubric, records, { asOf });

  it('certifies the pass grades only: the score rule and the eligibility limiter are the rubric\'s', () => {
    const certified = certifyResults(results, rubric, d('2024-12-17'), records)!;
    expect(certified.map((c) => c.certificate.id)).toEqual(['P1', 'P4']);
    expect(results.find((r) => r.id === 'P3')?.grade).toBe('fail');
  });

  it('gives each passer a certificate notified on the date, valid by the rubric\'s policy', () => {
    const [first, second] = certifyResults(results, rubric, d('2024-02-29'), records)!;
    expect(first!.certificate).toEqual({
      id: 'P1',
      name: '늘봄 노인복지센터',
      region: '서울',
      serviceType: '노인맞춤돌봄',
      certificateNo: 'cert-policy-test-20240229-P1',
      notifiedOn: d('2024-02-29'),
      revokedOn: null,
    });
    // 2 years from 2024-02-29: 2026 has no 02-29, so the period ends on 2026-02-28; renewal from 2025-12-01
    expect(formatDate(first!.validUntil)).toBe('2026-02-28');
    expect(formatDate(first!.renewalOpensOn)).toBe('2025-12-01');
    expect(second!.certificate.region).toBeNull();
  });

  it('is undefined for a rubric without a certification policy', () => {
    const text = readFileSync('test/fixtures/rubrics/cert-policy.yaml', 'utf8');
    const withoutPolicy = rubricFrom(text.slice(0, text.indexOf('certification:')));
    expect(certifyResults(results, withoutPolicy, d('2024-12-17'), records)).toBeUndefined();
  });
});

// ---- property tests over many dates -------------------------------------------------------------------

const anyDay = fc.integer({ min: toDayNumber(d('1900-01-01')), max: toDayNumber(d('2399-12-31')) }).map(fromDayNumber);
/** Month ends and leap days, where period arithmetic goes wrong. */
const monthEnd = fc
  .record({ year: fc.integer({ min: 1900, max: 2399 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
  .map(({ year, month, back }) => ({ year, month, day: daysInMonth(year, month) - back }));
const aDate = fc.oneof(anyDay, monthEnd);
const aPeriod = fc.record(
  { years: fc.integer({ min: 0, max: 10 }), months: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 400 }) },
  { requiredKeys: [] },
);
const nonEmpty = aPeriod.filter((p) => (p.years ?? 0) + (p.months ?? 0) + (p.days ?? 0) > 0);

/** An independent oracle from the JavaScript calendar in UTC: the matching day, or the last day of the month. */
function oracleValidUntil(date: PlainDate, years: number, months: number): string {
  const matching = new Date(Date.UTC(2000, 0, 1));
  matching.setUTCFullYear(date.year + years, date.month - 1 + months, date.day);
  const targetMonth = (((date.month - 1 + months) % 12) + 12) % 12;
  const end =
    matching.getUTCMonth() === targetMonth
      ? new Date(matching.getTime() - 86_400_000)
      : new Date(Date.UTC(matching.getUTCFullYear(), matching.getUTCMonth(), 0));
  return end.toISOString().slice(0, 10);
}

describe('period arithmetic properties', () => {
  test.prop([aDate, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 })])(
    'validUntil agrees with an oracle built on the UTC calendar',
    (date, years, months) => {
      fc.pre(years + months > 0);
      expect(formatDate(validUntil(date, { years, months }))).toBe(oracleValidUntil(date, years, months));
    },
  );

  test.prop([aDate, fc.integer({ min: 1, max: 50 })])('a period in years is the same as 12 × as many months', (date, years) => {
    expect(validUntil(date, { years })).toEqual(validUntil(date, { months: years * 12 }));
  });

  test.prop([aDate, fc.integer({ min: 1, max: 5000 })])('a period in days ends days − 1 after its first day', (date, days) => {
    expect(toDayNumber(validUntil(date, { days })) - toDayNumber(date)).toBe(days - 1);
  });

  test.prop([aDate, nonEmpty])('the period covers its first day and ends before addPeriod', (date, period) => {
    const last = validUntil(date, period);
    expect(compareDates(last, date)).toBeGreaterThanOrEqual(0);
    expect(addDays(last, 1)).toEqual(addPeriod(date, period));
  });

  test.prop([aDate, aDate, aPeriod])('addPeriod never moves an earlier date past a later one', (a, b, period) => {
    const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
    expect(compareDates(addPeriod(early, period), addPeriod(late, period))).toBeLessThanOrEqual(0);
  });

  test.prop([aDate, aPeriod])('subtractPeriod is the latest start whose period is over by the date', (date, period) => {
    const start = subtractPeriod(date, period);
    expect(compareDates(addPeriod(start, period), date)).toBeLessThanOrEqual(0);
    expect(compareDates(addPeriod(addDays(start, 1), period), date)).toBeGreaterThan(0);
  });

  test.prop([aDate, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 24 })])(
    'the renewal window lies inside validity and is never shorter than the policy says',
    (notified, years, windowMonths) => {
      fc.pre(windowMonths < years * 12);
      const last = validUntil(notified, { years });
      const opens = renewalOpensOn(last, { months: windowMonths });
      expect(compareDates(opens, notified)).toBeGreaterThan(0);
      expect(compareDates(validUntil(opens, { months: windowMonths }), last)).toBeLessThanOrEqual(0);
    },
  );

  test.prop([aDate, anyDay, fc.integer({ min: 1, max: 400 })])(
    'status follows days left: expired below 0, expiring below the horizon, valid beyond it',
    (notified, asOf, horizonDays) => {
      fc.pre(compareDates(notified, asOf) <= 0);
      const state = certificateState(cert(formatDate(notified)), { ...POLICY, expiringWithin: { days: horizonDays } }, asOf);
      const expected = state.daysLeft < 0 ? 'expired' : state.daysLeft < horizonDays ? 'expiring' : 'valid';
      expect(state.status).toBe(expected);
      expect(state.daysLeft).toBe(toDayNumber(state.validUntil) - toDayNumber(asOf));
      expect(state.renewalOpen).toBe(state.daysLeft >= 0 && compareDates(state.renewalOpensOn, asOf) <= 0);
    },
  );

  test.prop([aDate, anyDay, anyDay])('a revoked certificate is never in force after its revocation date', (notified, revoked, asOf) => {
    fc.pre(compareDates(notified, revoked) <= 0 && compareDates(notified, asOf) <= 0);
    const state = certificateState(cert(formatDate(notified), { revokedOn: revoked }), POLICY, asOf);
    if (compareDates(asOf, revoked) > 0) expect(['revoked', 'expired']).toContain(state.status);
    else expect(state.status).not.toBe('revoked');
  });
});
