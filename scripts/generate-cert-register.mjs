#!/usr/bin/env node
// Writes fixtures/certs/register-2025.csv: a synthetic 사회서비스 품질인증 register, one certificate per 시·도 and
// notification year 2021–2025 (85 rows), with dates chosen so the states on 2025-06-30 can be counted by hand
// (see test/cli/certs.test.ts). Deterministic: no randomness, no clock. Run: node scripts/generate-cert-register.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REGIONS = [
  ['서울', '11'], ['부산', '26'], ['대구', '27'], ['인천', '28'], ['광주', '29'], ['대전', '30'], ['울산', '31'], ['세종', '36'], ['경기', '41'],
  ['강원', '51'], ['충북', '43'], ['충남', '44'], ['전북', '52'], ['전남', '46'], ['경북', '47'], ['경남', '48'], ['제주', '50'],
];
const SERVICES = [
  ['노인맞춤돌봄', '노인복지센터'],
  ['장애인활동지원', '장애인활동지원센터'],
  ['산모신생아건강관리', '산모돌봄센터'],
  ['가사간병방문지원', '방문요양센터'],
  ['지역사회서비스투자', '사회서비스센터'],
  ['아이돌봄', '아이돌봄센터'],
];
const PREFIXES = ['늘봄', '햇살', '온누리', '행복나눔', '다솜', '희망', '사랑채', '푸른솔', '한빛', '도담', '새날', '어울림', '보듬', '이음', '나래', '소망', '참좋은'];

// The 2022 cohort straddles the as-of date 2025-06-30 (validity 3 years: valid until notified + 3 years − 1 day).
const COHORT_2022 = [
  '2022-01-10', // 서울: until 2025-01-09, expired
  '2022-03-01', // 부산: until 2025-02-28, expired
  '2022-06-30', // 대구: until 2025-06-29, expired the day before (−1)
  '2022-07-01', // 인천: until 2025-06-30, last valid day (0), expiring
  '2022-07-15', // 광주: 14 days left, expiring
  '2022-08-01', // 대전: 31 days left, expiring
  '2022-08-31', // 울산: until 2025-08-30, 61 days left, expiring
  '2022-09-28', // 세종: until 2025-09-27, 89 days left: last day of the 90-day horizon, expiring
  '2022-09-29', // 경기: 90 days left, valid, renewal open
  '2022-10-15', // 강원: valid, renewal open
  '2022-11-30', // 충북: valid, renewal open
  '2022-12-30', // 충남: until 2025-12-29, renewal opens 2025-06-30
  '2022-12-31', // 전북: until 2025-12-30, renewal opens 2025-06-30 (no 06-31: the month's last day)
  '2022-05-20', // 전남: revoked 2023-11-15
  '2022-04-04', // 경북: expired
  '2022-02-28', // 경남: until 2025-02-27, expired
  '2022-12-01', // 제주: until 2025-11-30, renewal open
];

/** Day-of-cohort formulas for the other years, with a few dates that matter pinned. */
const DATES = {
  2021: (r) => (r === 1 ? [3, 1] : [(r % 12) + 1, ((r * 7) % 28) + 1]), // 부산 2021-03-01 → until 2024-02-29
  2023: (r) => [((r * 5) % 12) + 1, ((r * 11) % 28) + 1], // 서울 2023-01-01 → renewal opens 2025-07-01
  2024: (r) => (r === 5 ? [2, 29] : r === 7 ? [12, 17] : [((r * 7) % 12) + 1, ((r * 3) % 28) + 1]), // 대전 leap day, 세종 2024-12-17
  2025: (r) => (r === 15 ? [9, 5] : r === 16 ? [11, 20] : [(r % 6) + 1, ((r * 13) % 28) + 1]), // 경남, 제주: after the as-of date
};

/** Revocations by year and region index. */
const REVOKED = {
  '2021:4': '2022-05-10', // 광주 2021
  '2022:13': '2023-11-15', // 전남 2022
  '2023:2': '2024-08-20', // 대구 2023
  '2023:10': '2025-06-30', // 충북 2023: revoked on the as-of date, so still valid on it
  '2024:14': '2025-03-12', // 경북 2024
};

/** Regions whose 2021 institution renewed its certificate in 2024: the same institution code twice. */
const RENEWED_IN_2024 = new Set([0, 3, 6, 9, 12, 15]);

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** Writes some dates the way people type them; ingest reads them all. */
function messyDate(iso, index) {
  const [y, m, d] = iso.split('-').map(Number);
  if (index % 9 === 3) return `${y}.${pad(m)}.${pad(d)}`;
  if (index % 9 === 6) return `${y}년 ${m}월 ${d}일`;
  if (index % 11 === 5) return `${y}/${m}/${d}`;
  if (index % 13 === 8) return `${y}. ${m}. ${d}.`;
  return iso;
}

function institution(year, r) {
  const [region, code] = REGIONS[r];
  const [service, suffix] = SERVICES[(r + year) % SERVICES.length];
  return { id: `0${code}${year - 2020}${pad(r + 1)}`, name: `${region} ${PREFIXES[(r * 5 + year) % PREFIXES.length]} ${suffix}`, region, service };
}

const certificates = [];
for (const year of [2021, 2022, 2023, 2024, 2025]) {
  REGIONS.forEach((_, r) => {
    const notified = year === 2022 ? COHORT_2022[r] : (([m, d]) => `${year}-${pad(m)}-${pad(d)}`)(DATES[year](r));
    const holder = year === 2024 && RENEWED_IN_2024.has(r) ? institution(2021, r) : institution(year, r);
    certificates.push({ ...holder, number: `QC-${year}-${pad(r + 1, 3)}`, notified, revoked: REVOKED[`${year}:${r}`] ?? '' });
  });
}

// A fixed shuffle (37 is coprime with 85) so the file is not already in cohort order.
const rows = certificates.map((_, k) => certificates[(k * 37) % certificates.length]);
const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const lines = [
  ['기관코드', '기관명', '시도', '서비스유형', '인증번호', '인증통보일', '인증취소일'],
  ...rows.map((c, i) => [c.id, c.name, c.region, c.service, c.number, messyDate(c.notified, i), c.revoked === '' ? '' : messyDate(c.revoked, i + 1)]),
].map((cells) => cells.map(quote).join(','));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'fixtures', 'certs', 'register-2025.csv');
writeFileSync(target, `\uFEFF${lines.join('\r\n')}\r\n`);
process.stdout.write(`${target}: ${rows.length} certificates\n`);
