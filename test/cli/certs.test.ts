import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { certifyResults } from '../../src/core/certs.js';
import { parseIsoDate } from '../../src/core/dates.js';
import { gradeInstitutions } from '../../src/core/engine.js';
import { CertsDocumentSchema, type CertsDocument } from '../../src/report/certs-document-schema.js';
import { renderRegisterCsv } from '../../src/report/certs-csv.js';
import { runCli } from '../helpers/cli.js';
import { record, rubricFrom } from '../helpers/rubric.js';
import { readWorkbook } from '../helpers/workbook-readback.js';
import { tempDir, writeWorkbook } from '../helpers/xlsx.js';

/*
 * fixtures/certs/register-2025.csv (scripts/generate-cert-register.mjs): one certificate per 시·도 and year 2021–2025,
 * 85 rows, under the bundled quality-cert policy (3 years; renewal from 6 months before expiry; expiring within 90 days).
 * Counted by hand on 2025-06-30 (valid until = notified + 3 years − 1 day; horizon 2025-06-30 … 2025-09-27):
 *   2021 (17): all expired by 2024; 광주 revoked 2022-05-10                                → expired 16, revoked 1
 *   2022 (17): valid until 2025-01-09 … 2025-12-30, see COHORT_2022 in the script:
 *              expired 서울 부산 대구(−1 day) 경북 경남; revoked 전남;
 *              expiring 인천(0) 광주(14) 대전(31) 울산(61) 세종(89); valid 경기(90) 강원 충북 충남 전북 제주;
 *              every one in force has its renewal window open (notified by 2022-12-31)     → 11 valid, 5 expiring, 11 open
 *   2023 (17): valid until 2025-12-31 or later; 대구 revoked 2024-08-20; 충북 revoked on 2025-06-30 is still valid
 *   2024 (17): 경북 revoked 2025-03-12, 16 valid                                            (대전 2024-02-29, 세종 2024-12-17)
 *   2025 (17): 15 valid; 경남 2025-09-05 and 제주 2025-11-20 are notified after the as-of date and not counted
 *   total 83 = valid 58 (5 expiring) + expired 21 + revoked 4; renewal open 11.
 */
const REGISTER = 'fixtures/certs/register-2025.csv';
const POLICY_RUBRIC = 'test/fixtures/rubrics/cert-policy.yaml';

function certsJson(args: readonly string[], env?: NodeJS.ProcessEnv): { doc: CertsDocument; stderr: string; status: number | null } {
  const run = runCli(['certs', REGISTER, '--format', 'json', ...args], env === undefined ? {} : { env });
  return { doc: CertsDocumentSchema.parse(JSON.parse(run.stdout)), stderr: run.stderr, status: run.status };
}

const counts = (total: number, valid: number, expiring: number, expired: number, revoked: number, renewalOpen: number) => ({
  total,
  valid,
  expiring,
  expired,
  revoked,
  renewalOpen,
});

describe('sseval certs on the 2025 register, as of 2025-06-30', () => {
  it('counts valid, expiring, expired and revoked overall, by region and by cohort', () => {
    const { doc, stderr, status } = certsJson(['--as-of', '2025-06-30']);
    expect(status).toBe(0);
    expect(doc.rubric.id).toBe('quality-cert');
    expect(doc.horizonEnd).toBe('2025-09-27');
    expect(doc.summary.overall).toEqual(counts(83, 58, 5, 21, 4, 11));
    expect(doc.summary.byCohort).toEqual([
      { key: '2021', ...counts(17, 0, 0, 16, 1, 0) },
      { key: '2022', ...counts(17, 11, 5, 5, 1, 11) },
      { key: '2023', ...counts(17, 16, 0, 0, 1, 0) },
      { key: '2024', ...counts(17, 16, 0, 0, 1, 0) },
      { key: '2025', ...counts(15, 15, 0, 0, 0, 0) },
    ]);
    expect(doc.summary.byRegion).toEqual([
      { key: '강원', ...counts(5, 4, 0, 1, 0, 1) },
      { key: '경기', ...counts(5, 4, 0, 1, 0, 1) },
      { key: '경남', ...counts(4, 2, 0, 2, 0, 0) },
      { key: '경북', ...counts(5, 2, 0, 2, 1, 0) },
      { key: '광주', ...counts(5, 4, 1, 0, 1, 1) },
      { key: '대구', ...counts(5, 2, 0, 2, 1, 0) },
      { key: '대전', ...counts(5, 4, 1, 1, 0, 1) },
      { key: '부산', ...counts(5, 3, 0, 2, 0, 0) },
      { key: '서울', ...counts(5, 3, 0, 2, 0, 0) },
      { key: '세종', ...counts(5, 4, 1, 1, 0, 1) },
      { key: '울산', ...counts(5, 4, 1, 1, 0, 1) },
      { key: '인천', ...counts(5, 4, 1, 1, 0, 1) },
      { key: '전남', ...counts(5, 3, 0, 1, 1, 0) },
      { key: '전북', ...counts(5, 4, 0, 1, 0, 1) },
      { key: '제주', ...counts(4, 3, 0, 1, 0, 1) },
      { key: '충남', ...counts(5, 4, 0, 1, 0, 1) },
      { key: '충북', ...counts(5, 4, 0, 1, 0, 1) },
    ]);
    expect(doc.certificates).toHaveLength(83);
    expect(stderr).toContain('CERTS_NOTIFIED_AFTER_AS_OF');
    expect(stderr).toContain('QC-2025-016, QC-2025-017');
  });

  it('lists the expiring certificates by expiry with days left', () => {
    const { doc } = certsJson(['--as-of', '2025-06-30', '--status', 'expiring']);
    expect(doc.certificates.map((c) => [c.region, c.certificateNo, c.validUntil, c.daysLeft, c.renewalOpen])).toEqual([
      ['인천', 'QC-2022-004', '2025-06-30', 0, true],
      ['광주', 'QC-2022-005', '2025-07-14', 14, true],
      ['대전', 'QC-2022-006', '2025-07-31', 31, true],
      ['울산', 'QC-2022-007', '2025-08-30', 61, true],
      ['세종', 'QC-2022-008', '2025-09-27', 89, true],
    ]);
  });

  it('reads the messy dates of the register and keeps leading zeros', () => {
    const { doc } = certsJson(['--as-of', '2025-06-30']);
    const byNumber = new Map(doc.certificates.map((c) => [c.certificateNo, c]));
    // written 2022.10.15, 2024년 8월 4일, 2021/4/22 and 2023. 12. 22. in the file
    expect(byNumber.get('QC-2022-010')).toMatchObject({ id: '051210', notifiedOn: '2022-10-15', validUntil: '2025-10-14', renewalOpensOn: '2025-04-15' });
    expect(byNumber.get('QC-2024-002')).toMatchObject({ notifiedOn: '2024-08-04', validUntil: '2027-08-03' });
    expect(byNumber.get('QC-2021-016')).toMatchObject({ id: '048116', notifiedOn: '2021-04-22', status: 'expired' });
    expect(byNumber.get('QC-2023-008')).toMatchObject({ notifiedOn: '2023-12-22', validUntil: '2026-12-21' });
    // the dates
    expect(byNumber.get('QC-2021-002')).toMatchObject({ notifiedOn: '2021-03-01', validUntil: '2024-02-29' });
    expect(byNumber.get('QC-2024-006')).toMatchObject({ notifiedOn: '2024-02-29', validUntil: '2027-02-28' });
    expect(byNumber.get('QC-2024-008')).toMatchObject({ notifiedOn: '2024-12-17', validUntil: '2027-12-16' });
    // the renewal window of a certificate valid until 2025-12-30 opens on 2025-06-30 (there is no 06-31)
    expect(byNumber.get('QC-2022-013')).toMatchObject({ validUntil: '2025-12-30', renewalOpensOn: '2025-06-30', renewalOpen: true });
  });

  it('treats a revocation as taking effect after its date', () => {
    const { doc } = certsJson(['--as-of', '2025-06-30', '--status', 'revoked']);
    expect(doc.certificates.map((c) => [c.certificateNo, c.region, c.revokedOn])).toEqual([
      ['QC-2021-005', '광주', '2022-05-10'],
      ['QC-2022-014', '전남', '2023-11-15'],
      ['QC-2023-003', '대구', '2024-08-20'],
      ['QC-2024-015', '경북', '2025-03-12'],
    ]);
    const revokedToday = certsJson(['--as-of', '2025-06-30', '--status', 'valid']).doc.certificates.find((c) => c.certificateNo === 'QC-2023-011');
    expect(revokedToday).toMatchObject({ revokedOn: '2025-06-30', status: 'valid' });
    const dayAfter = certsJson(['--as-of', '2025-07-01']).doc.certificates.find((c) => c.certificateNo === 'QC-2023-011');
    expect(dayAfter).toMatchObject({ status: 'revoked' });
  });

  it.each([
    ['6m', '2025-12-29', 10],
    ['1y', '2026-06-29', 20],
    ['1d', '2025-06-30', 1],
  ])('--within %s ends the horizon on %s: %i expiring', (within, end, expiring) => {
    const { doc } = certsJson(['--as-of', '2025-06-30', '--within', within]);
    expect(doc.horizonEnd).toBe(end);
    expect(doc.summary.overall.expiring).toBe(expiring);
    expect(doc.summary.overall.valid).toBe(58);
  });

  it('takes the policy from the rubric: 2 years, renewal 3 months, expiring within 1 month', () => {
    const { doc, stderr, status } = certsJson(['--as-of', '2025-06-30', '--rubric', POLICY_RUBRIC]);
    expect(status).toBe(0);
    expect(doc.policy).toEqual({ validity: { years: 2 }, renewalWindow: { months: 3 }, expiringWithin: { months: 1 } });
    expect(doc.horizonEnd).toBe('2025-07-29');
    // valid: notified from 2023-07-01 (7 of 2023, 대구 revoked) + 16 of 2024 + 15 of 2025; expiring: 울산 2023-07-11;
    // renewal open: notified 2023-07-01 … 2023-09-30 (울산, 충남, 제주, 광주)
    expect(doc.summary.overall).toEqual(counts(83, 38, 1, 41, 4, 4));
    // 충북 2023-03-27 was valid until 2025-03-26, so its revocation on 2025-06-30 comes after expiry
    expect(stderr).toMatch(/경고 CERT_REVOKED_AFTER_EXPIRY .*기관 043311.*2025-06-30/);
  });

  it('keeps an institution that renewed as two certificates (grouped by institution code)', () => {
    const { doc } = certsJson(['--as-of', '2025-06-30', '--group-by', 'id']);
    const seoul = doc.groups.find((g) => g.key === '011101');
    expect(seoul).toEqual({ key: '011101', ...counts(2, 1, 0, 1, 0, 0) });
    expect(doc.certificates.filter((c) => c.group === '011101').map((c) => [c.certificateNo, c.status])).toEqual([
      ['QC-2021-001', 'expired'],
      ['QC-2024-001', 'valid'],
    ]);
    expect(doc.groups).toHaveLength(77);
  });

  it('reads an xlsx register (title row, real dates, text dates) together with the CSV as one register', async () => {
    const dir = tempDir('sseval-certs-');
    const file = await writeWorkbook(dir, '2025-추가.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('인증대장');
      sheet.addRow(['2025년 하반기 품질인증 대장']);
      sheet.mergeCells('A1:G1');
      sheet.addRow(['기관코드', '기관명', '시도', '서비스유형', '인증번호', '인증통보일', '인증취소일']);
      sheet.addRow(['0119001', '서울 온새미 노인복지센터', '서울', '노인맞춤돌봄', 'QC-2022-901', new Date(Date.UTC(2022, 7, 15)), null]);
      sheet.addRow(['0269002', '부산 가온 아이돌봄센터', '부산', '아이돌봄', 'QC-2024-902', '2024.09.05', null]);
      sheet.addRow(['0509003', '제주 한결 방문요양센터', '제주', '가사간병방문지원', 'QC-2023-903', new Date(Date.UTC(2023, 1, 28)), new Date(Date.UTC(2025, 0, 31))]);
    });
    const run = runCli(['certs', REGISTER, file, '--as-of', '2025-06-30', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = CertsDocumentSchema.parse(JSON.parse(run.stdout));
    // + one expiring (2022-08-15 → until 2025-08-14, 45 days), one valid, one revoked
    expect(doc.summary.overall).toEqual(counts(86, 60, 6, 21, 5, 12));
    expect(doc.inputs.map((i) => path.basename(i.path))).toEqual(['register-2025.csv', '2025-추가.xlsx']);
    const added = doc.certificates.filter((c) => c.source?.sheet === '인증대장');
    expect(added.map((c) => [c.id, c.notifiedOn, c.validUntil, c.daysLeft, c.status])).toEqual([
      ['0119001', '2022-08-15', '2025-08-14', 45, 'expiring'],
      ['0509003', '2023-02-28', '2026-02-27', 242, 'revoked'],
      ['0269002', '2024-09-05', '2027-09-04', 796, 'valid'],
    ]);
  });

  it('reads the register saved by Korean Excel as CP949', () => {
    const file = path.join(tempDir('sseval-certs-'), 'register-cp949.csv');
    writeFileSync(file, iconv.encode(readFileSync(REGISTER, 'utf8').replace(/^\uFEFF/, ''), 'cp949'));
    const run = runCli(['certs', file, '--as-of', '2025-06-30', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = CertsDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.summary).toEqual(certsJson(['--as-of', '2025-06-30']).doc.summary);
  });

  it('gives the same answer under every time zone', () => {
    const outputs = ['Asia/Seoul', 'UTC', 'America/Los_Angeles'].map((TZ) => certsJson(['--as-of', '2025-06-30'], { TZ }).doc);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});

describe('sseval certs output', () => {
  it('prints a Korean table with the summary by default', () => {
    const run = runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--status', 'expiring']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('기준일: 2025-06-30 · 평가 기준: quality-cert@2024 · 유효기간: 3년 · 갱신 신청 기간: 6개월 · 만료 임박 기준: 90일 (2025-09-27까지)');
    expect(lines.filter((line) => line.includes('QC-2022-'))).toHaveLength(5);
    expect(lines.find((line) => line.startsWith('전체 '))).toMatch(/^전체 +83 +58 +5 +21 +4 +11$/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('groups the table by region with --group-by and labels it in English with --lang en', () => {
    const run = runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--status', 'expiring', '--group-by', 'region', '--lang', 'en']);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('['))).toEqual([
      '[Region: 광주] 1 certificates',
      '[Region: 대전] 1 certificates',
      '[Region: 세종] 1 certificates',
      '[Region: 울산] 1 certificates',
      '[Region: 인천] 1 certificates',
    ]);
    expect(run.stderr).toContain('2 certificates notified after the as-of date 2025-06-30 are not counted');
  });

  it('writes CSV that reads back as a register', () => {
    const dir = tempDir('sseval-certs-');
    const out = path.join(dir, 'certs.csv');
    expect(runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--format', 'csv', '--out', out]).status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF기관코드,기관명,시도,서비스유형,인증번호,인증통보일,인증취소일,유효기간 만료일,남은 일수,상태')).toBe(true);
    expect(csv).toContain('027203,대구 도담 산모돌봄센터,대구,산모신생아건강관리,QC-2022-003,2022-06-30,,2025-06-29,-1,만료,2024-12-30,아니오');
    const again = runCli(['certs', out, '--as-of', '2025-06-30', '--format', 'json']);
    expect(again.status).toBe(0);
    expect(CertsDocumentSchema.parse(JSON.parse(again.stdout)).summary.overall).toEqual(counts(83, 58, 5, 21, 4, 11));
  });

  it('writes an xlsx workbook only to a file, and refuses to replace one without --force', async () => {
    const dir = tempDir('sseval-certs-');
    const out = path.join(dir, 'certs.xlsx');
    const toStdout = runCli(['certs', REGISTER, '--format', 'xlsx']);
    expect(toStdout.status).toBe(2);
    expect(toStdout.stderr).toContain('--out FILE');
    expect(runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--format', 'xlsx', '--out', out]).status).toBe(0);
    const workbook = await readWorkbook(readFileSync(out));
    const sheet = workbook.getWorksheet('인증 목록')!;
    expect(sheet.rowCount).toBe(84);
    expect(sheet.getCell('A2').value).toBe('011101');
    expect(sheet.getCell('H2').value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    const again = runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--format', 'xlsx', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('OUTPUT_EXISTS');
    expect(runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--format', 'xlsx', '--out', out, '--force']).status).toBe(0);
  });
});

describe('sseval certs exit codes', () => {
  it('--fail-if-expiring exits 1 when a certificate expires within the horizon, after printing the report', () => {
    const run = runCli(['certs', REGISTER, '--as-of', '2025-06-30', '--fail-if-expiring', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(CertsDocumentSchema.parse(JSON.parse(run.stdout)).summary.overall.expiring).toBe(5);
    expect(run.stderr).toMatch(/오류 CERTS_EXPIRING: 인증 5건의 유효기간이 2025-09-27까지 끝납니다/);
  });

  it('--fail-if-expiring exits 0 when nothing expires within the horizon', () => {
    // quality-cert 2024 is effective from 2024-01-01, so an earlier as-of date names the version
    const run = runCli(['certs', REGISTER, '--rubric', 'quality-cert@2024', '--as-of', '2021-01-01', '--fail-if-expiring', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(CertsDocumentSchema.parse(JSON.parse(run.stdout)).summary.overall).toEqual(counts(2, 2, 0, 0, 0, 0));
  });

  it.each([
    [['--within', '90'], '--within'],
    [['--within', '0d'], '--within'],
    [['--as-of', '2025-02-30'], '--as-of'],
    [['--status', 'lapsed'], 'lapsed'],
    [['--group-by', 'grade'], 'grade'],
    [['--format', 'pdf'], 'pdf'],
  ])('exits 2 for a bad option %j', (args, mention) => {
    const run = runCli(['certs', REGISTER, ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(mention);
  });

  it('exits 2 for a rubric without a certification policy and for a missing register', () => {
    const noPolicy = runCli(['certs', REGISTER, '--rubric', 'agency-management']);
    expect(noPolicy.status).toBe(2);
    expect(noPolicy.stderr).toContain('CERTS_NO_POLICY');
    const missing = runCli(['certs', 'no-such-register.csv', '--as-of', '2025-06-30']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
  });

  it('exits 1 with every problem of a broken register and prints no report', () => {
    const dir = tempDir('sseval-certs-');
    const file = path.join(dir, 'broken.csv');
    writeFileSync(
      file,
      [
        '기관코드,기관명,시도,서비스유형,인증번호,인증통보일,인증취소일',
        '0110001,서울 늘봄 노인복지센터,서울,노인맞춤돌봄,QC-1,2024-02-30,',
        '0110002,서울 햇살 방문요양센터,서울,가사간병방문지원,QC-1,2024-03-01,',
        '0110003,서울 새날 아이돌봄센터,서울,아이돌봄,QC-3,2024-03-01,2024-02-01',
      ].join('\n'),
    );
    const run = runCli(['certs', file, '--as-of', '2025-06-30', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('DATE_IMPOSSIBLE');
    expect(run.stderr).toContain('ID_DUPLICATE');
    expect(run.stderr).toMatch(/CHECK_FAILED .*the revocation date is before the notification date/);
    expect(run.stderr).toContain('CERTS_REGISTER_HAS_ERRORS');
  });
});

describe('certifying from results: the passers as a register', () => {
  it('writes passers that sseval certs reads back with their validity', () => {
    const rubric = rubricFrom(readFileSync(POLICY_RUBRIC, 'utf8'));
    const asOf = parseIsoDate('2024-12-17')!;
    const records = [
      record('0110001', { name: '서울 늘봄 노인복지센터', region: '서울', service_type: '노인맞춤돌봄', opened_on: parseIsoDate('2015-03-02')!, score: 91 }),
      record('0260002', { name: '부산 햇살 방문요양센터', region: '부산', service_type: '가사간병방문지원', opened_on: parseIsoDate('2010-01-01')!, score: 70 }),
      record('0500003', { name: '제주 새날 아이돌봄센터', region: '제주', service_type: '아이돌봄', opened_on: parseIsoDate('2019-05-01')!, score: 84.5 }),
    ];
    const { results } = gradeInstitutions(rubric, records, { asOf });
    const passers = certifyResults(results, rubric, asOf, records)!;
    const dir = tempDir('sseval-certs-');
    const file = path.join(dir, 'passers.csv');
    writeFileSync(file, renderRegisterCsv(passers.map((p) => p.certificate), 'ko'));
    const run = runCli(['certs', file, '--rubric', POLICY_RUBRIC, '--as-of', '2024-12-17', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const doc = CertsDocumentSchema.parse(JSON.parse(run.stdout));
    // 2 years from 2024-12-17 under the test policy
    expect(doc.certificates.map((c) => [c.id, c.region, c.certificateNo, c.notifiedOn, c.validUntil, c.status])).toEqual([
      ['0110001', '서울', 'cert-policy-test-20241217-0110001', '2024-12-17', '2026-12-16', 'valid'],
      ['0500003', '제주', 'cert-policy-test-20241217-0500003', '2024-12-17', '2026-12-16', 'valid'],
    ]);
  });
});
