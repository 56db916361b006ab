#!/usr/bin/env node
// Writes the synthetic fixtures under fixtures/ (or the folder given as the first argument).
// Every value comes from a seeded PRNG or a literal table, so each run writes identical bytes:
// `node scripts/generate-fixtures.mjs` after changing this file, and commit the fixtures with it.
// The data is invented. Names, codes and figures only look like the real sheets evaluators receive,
// including their untidy but valid cells: thousands separators, "85.0", stray spaces, "%" signs, mixed date styles.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.mjs';

/** @typedef {string | number | boolean | null} Cell */
/** @typedef {() => number} Random */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Randomness and formatting
// ---------------------------------------------------------------------------------------------


/**
 * A standard normal draw (Box–Muller).
 * @param {Random} random
 */
function normal(random) {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * @template T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T}
 */
function pick(random, list) {
  return /** @type {T} */ (list[Math.floor(random() * list.length)]);
}

/** @param {number} x @param {number} lo @param {number} hi */
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/** Rounds to `decimals` and returns the number (for values that feed further arithmetic). @param {number} x @param {number} decimals */
const round = (x, decimals) => Number(x.toFixed(decimals));

/** Writes a whole number with thousands separators, as Excel's "#,##0" format shows it (no locale involved). @param {number} n */
const withThousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Formats one CSV cell: null is blank, booleans are Y/N, text is quoted when it must be.
 * @param {Cell} cell
 */
function csvCell(cell) {
  if (cell === null) return '';
  const text = typeof cell === 'boolean' ? (cell ? 'Y' : 'N') : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file as Korean Excel saves "CSV UTF-8": a byte-order mark and CRLF line ends.
 * @param {readonly string[]} headers
 * @param {readonly Cell[][]} rows
 */
function toCsv(headers, rows) {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Untidy-but-valid renderings of a number, chosen rarely: surrounding spaces, or a "%" sign on a percent.
 * @param {Random} random
 * @param {number} value
 * @param {number} decimals
 * @param {{ percent?: boolean }} [options]
 * @returns {string}
 */
function messyNumber(random, value, decimals, options = {}) {
  const text = value.toFixed(decimals);
  const roll = random();
  if (roll < 0.015) return ` ${text} `;
  if (options.percent && roll < 0.035) return `${text}%`;
  return text;
}

/**
 * A count as it appears when regional sheets are merged: usually "1,234", sometimes plain.
 * @param {Random} random
 * @param {number} n
 */
const messyCount = (random, n) => (random() < 0.8 ? withThousands(n) : String(n));

/**
 * A value, or blank with the given probability (data not submitted).
 * @template {Cell} T
 * @param {Random} random
 * @param {number} chance
 * @param {T} value
 * @returns {T | null}
 */
const blankOr = (random, chance, value) => (random() < chance ? null : value);

// ---------------------------------------------------------------------------------------------
// Shared vocabulary: the 17 시·도 and names
// ---------------------------------------------------------------------------------------------

/** The 17 provinces with their administrative code, relative size (for drawing facilities) and district names. */
const REGIONS = [
  { name: '서울', code: '11', weight: 18, places: ['강남', '강동', '강북', '강서', '관악', '광진', '구로', '노원', '도봉', '마포', '서대문', '성북', '송파', '양천', '은평', '중랑'] },
  { name: '부산', code: '26', weight: 7, places: ['해운대', '수영', '사하', '금정', '동래', '부산진', '사상', '연제', '영도', '기장'] },
  { name: '대구', code: '27', weight: 5, places: ['수성', '달서', '달성', '팔공', '신암', '대명', '성서', '칠곡'] },
  { name: '인천', code: '28', weight: 6, places: ['남동', '부평', '계양', '연수', '미추홀', '강화', '청라', '송도'] },
  { name: '광주', code: '29', weight: 3, places: ['광산', '첨단', '무등', '월곡', '하남', '봉선', '운암'] },
  { name: '대전', code: '30', weight: 3, places: ['유성', '대덕', '둔산', '중리', '가양', '관저', '노은'] },
  { name: '울산', code: '31', weight: 2, places: ['울주', '삼산', '방어', '화봉', '언양', '달동', '태화'] },
  { name: '세종', code: '36', weight: 1, places: ['조치원', '한솔', '아름', '도담', '새롬'] },
  { name: '경기', code: '41', weight: 26, places: ['수원', '성남', '고양', '용인', '부천', '안산', '안양', '화성', '평택', '의정부', '시흥', '파주', '김포', '광명', '군포', '하남', '오산', '이천', '양주', '구리'] },
  { name: '강원', code: '51', weight: 3, places: ['춘천', '원주', '강릉', '동해', '속초', '삼척', '홍천', '철원'] },
  { name: '충북', code: '43', weight: 3, places: ['청주', '충주', '제천', '음성', '진천', '옥천', '영동'] },
  { name: '충남', code: '44', weight: 4, places: ['천안', '아산', '서산', '당진', '공주', '논산', '보령', '홍성'] },
  { name: '전북', code: '52', weight: 4, places: ['전주', '익산', '군산', '정읍', '남원', '김제', '완주'] },
  { name: '전남', code: '46', weight: 4, places: ['목포', '여수', '순천', '광양', '나주', '무안', '해남'] },
  { name: '경북', code: '47', weight: 5, places: ['포항', '경주', '구미', '안동', '경산', '김천', '영주', '상주'] },
  { name: '경남', code: '48', weight: 6, places: ['창원', '김해', '진주', '양산', '거제', '통영', '사천', '밀양'] },
  { name: '제주', code: '50', weight: 1, places: ['제주', '서귀포', '애월', '성산'] },
];

/** Words Korean welfare institutions are commonly named with. */
const NAME_WORDS = [
  '행복', '사랑', '희망', '은혜', '소망', '평화', '늘푸른', '한마음', '새롬', '밝은빛', '푸른숲', '다솜', '해맑은', '동행',
  '나눔', '보람', '새빛', '솔빛', '참사랑', '햇살', '온누리', '기쁨', '믿음', '한빛', '샘물', '열린', '우리', '좋은이웃',
  '하늘정원', '미소', '가온', '누리', '다온', '채움', '늘봄', '청솔', '목련', '들꽃', '아름드리', '선한이웃',
];

/** Rating words of evaluation committees, best first. */
const LEVELS = ['우수', '양호', '보통', '미흡', '부진'];

/**
 * A committee rating drawn around a quality score (higher q, better level).
 * @param {Random} random
 * @param {number} q latent quality, about N(0, 1)
 */
function levelFor(random, q) {
  const x = q + 0.6 * normal(random);
  return /** @type {string} */ (LEVELS[x > 0.9 ? 0 : x > -0.1 ? 1 : x > -1.1 ? 2 : x > -2 ? 3 : 4]);
}

/**
 * Draws one item with probability proportional to its weight.
 * @template {{ weight: number }} T
 * @param {Random} random
 * @param {readonly T[]} list
 * @returns {T}
 */
function weightedPick(random, list) {
  let roll = random() * list.reduce((s, item) => s + item.weight, 0);
  for (const item of list) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return /** @type {T} */ (list[list.length - 1]);
}

/**
 * Spreads `total` institutions over the 17 provinces by weight, at least `minimum` each.
 * @param {number} total
 * @param {number} minimum
 */
function regionCounts(total, minimum) {
  const weightSum = REGIONS.reduce((s, r) => s + r.weight, 0);
  const counts = REGIONS.map((r) => Math.max(minimum, Math.round((total * r.weight) / weightSum)));
  // the largest province (경기) absorbs the rounding difference
  const largest = REGIONS.findIndex((r) => r.name === '경기');
  counts[largest] = /** @type {number} */ (counts[largest]) + total - counts.reduce((s, c) => s + c, 0);
  return counts;
}

/**
 * Draws an unused name from the patterns; numbers a repeat ("… 제2") when every pattern is taken.
 * @param {Random} random
 * @param {Set<string>} used
 * @param {readonly ((random: Random) => string)[]} patterns
 */
function uniqueName(random, used, patterns) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = pick(random, patterns)(random);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const base = pick(random, patterns)(random);
  let n = 2;
  while (used.has(`${base} 제${n}`)) n += 1;
  used.add(`${base} 제${n}`);
  return `${base} 제${n}`;
}

// ---------------------------------------------------------------------------------------------
// agencies-2024.csv: the 16 provincial social service agencies (울산 has none in this fixture)
// ---------------------------------------------------------------------------------------------

/*
 * Hand-set values chosen so that rubrics/agency-management-2024.yaml reproduces the published 2024 outcome
 * (S: 대전, 강원; A: 대구, 광주, 충남, 경남, 전북, 전남; the rest B or C, no D). Expected totals, all at least
 * 1.3 points inside their band and all different, are listed in test/fixtures/outcomes.test.ts.
 */
const AGENCY_HEADERS = [
  '기관코드', '기관명', '시도', '비전·경영전략', '기관장 리더십', '예산집행률(%)', '조직·인사관리', '종사자 이직률(%)',
  '윤리·인권경영', '장애인 고용률(%)', '안전보건경영 인증', '주요사업 실적(건)', '주요사업 목표(건)', '이용자 수(명)',
  '재이용자 수(명)', '이용자 만족도(점)', '일자리 창출(명)', '전년도 일자리 창출(명)', '정책 연계',
];

/** @type {readonly Cell[][]} */
const AGENCY_ROWS = [
  // 기관코드 = 0 + 시·도 코드 + 1: the leading zero must survive every reader.
  ['0111', '서울시사회서비스원', '서울', '양호', '우수', '95.1', '양호', '14.6', '우수', '3.5', 'Y', '2,210', '2,400', '12,480', '6,120', '88.2', '530', '505', '양호'],
  ['0261', '부산사회서비스원', '부산', '양호', '양호', '93.9', '양호', '17.9', '양호', '3.1', 'Y', '1,490', '1,620', '7,340', '3,560', '88.9', '318', '301', '양호'],
  ['0271', '대구사회서비스원', '대구', '우수', '양호', '95.2', '우수', '11.3', '양호', '3.9', 'Y', '1,265', '1,300', '5,120', '3,240', '91.4', '258', '240', '우수'],
  ['0281', '인천사회서비스원', '인천', '양호', '양호', ' 93.6 ', '양호', '14.9', '양호', '3.4%', 'Y', '1,180', '1,300', '6,020', '3,000', '87.5', '241', '236', '양호'],
  ['0291', '광주사회서비스원', '광주', '양호', '우수', '92.4', '양호', '12.7', '우수', '3.6', 'Y', '1,098', '1,150', '4,380', '2,450', '90.8', '214', '196', '우수'],
  ['0301', '대전사회서비스원', '대전', '우수', '우수', '96.0', '우수', '9.4', '우수', '4.0', 'Y', '1,312', '1,300', '5,842', '3,980', '93.1', '281', '262', '우수'],
  ['0411', '경기도사회서비스원', '경기', '우수', '양호', '92.9', '양호', '14.2', '양호', '3.4', 'Y', '3,020', '3,200', '16,250', '8,030', '89.3', '702', '655', '양호'],
  ['0511', '강원특별자치도사회서비스원', '강원', '우수', '우수', '96.3', '우수', '10.8', '우수', '3.7', 'Y', '1,018', '1,040', '4,215', '2,770', '92.6', '187', '166', '우수'],
  ['0431', '충북사회서비스원', '충북', '양호', '양호', '89.6', '양호', '17.0', '보통', '2.7', 'Y', '1,010', '1,080', '3,920', '1,800', '85.2', '160', '156', '양호'],
  ['0441', '충남사회서비스원', '충남', '우수', '양호', '95.8', '양호', '11.9', '우수', '3.8', 'Y', '1,187', '1,210', '4,930', '2,700', '91.9', '233', '208', '양호'],
  ['0521', '전북특별자치도사회서비스원', '전북', '우수', '양호', '96.0', '우수', '12.2', '양호', '3.9', 'Y', '1,046', '1,060', '4,410', '2,790', '91.5', '198', '177', '우수'],
  ['0461', '전남사회서비스원', '전남', '양호', '우수', '94.1', '우수', '13.5', '양호', '3.5', 'Y', '1,124', '1,180', '4,760', '2,850', '89.0', '214', '203', '우수'],
  ['0471', '경북사회서비스원', '경북', '양호', '양호', '94.5', '양호', '14.8', '양호', '3.3', 'Y', '1,236', '1,350', '5,230', '2,690', '88.8', '246', '232', '양호'],
  ['0481', '경남사회서비스원', '경남', '우수', '양호', '94.3', '양호', '13.1', '우수', '3.4', 'Y', '1,338', '1,400', '5,610', '3,330', '88.7', '262', '241', '양호'],
  ['0501', '제주특별자치도사회서비스원', '제주', '양호', '양호', '88.4', '양호', '22.7', '양호', '2.5', 'Y', '700', '760', '2,480', '1,120', '84.4', '101', '101', '양호'],
  ['0361', '세종특별자치시사회서비스원', '세종', '양호', '양호', '90.2', '보통', '19.6', '양호', '3.4', 'Y', '470', '500', '1,730', '840', '85.6', '64', '63', '양호'],
];

// ---------------------------------------------------------------------------------------------
// facilities-2024.csv and facilities-2021.csv: social welfare facilities (rubrics/facility-*.yaml)
// ---------------------------------------------------------------------------------------------

/**
 * Facility types: code digit, share of facilities, how many users they serve, and name patterns.
 * Residential facilities (양육·요양·거주) serve tens of residents, almost all under case management.
 * @type {readonly { name: string, digit: string, weight: number, users: [number, number], caseShare: number, names: ((place: string) => (random: Random) => string)[] }[]}
 */
const FACILITY_TYPES = [
  {
    name: '노인복지관', digit: '1', weight: 22, users: [1200, 6500], caseShare: 0.12,
    names: [(p) => () => `${p}노인복지관`, (p) => () => `${p}노인종합복지관`, () => (r) => `${pick(r, NAME_WORDS)}노인복지관`],
  },
  {
    name: '장애인복지관', digit: '2', weight: 13, users: [600, 3500], caseShare: 0.2,
    names: [(p) => () => `${p}장애인종합복지관`, (p) => () => `${p}장애인복지관`, () => (r) => `${pick(r, NAME_WORDS)}장애인복지관`],
  },
  {
    name: '종합사회복지관', digit: '3', weight: 24, users: [1500, 9000], caseShare: 0.1,
    names: [(p) => () => `${p}종합사회복지관`, () => (r) => `${pick(r, NAME_WORDS)}종합사회복지관`, (p) => () => `${p}사회복지관`],
  },
  {
    name: '아동양육시설', digit: '4', weight: 12, users: [25, 90], caseShare: 0.75,
    names: [() => (r) => `${pick(r, NAME_WORDS)}보육원`, () => (r) => `${pick(r, NAME_WORDS)}아동원`, () => (r) => `${pick(r, NAME_WORDS)}의집`],
  },
  {
    name: '노인요양시설', digit: '5', weight: 18, users: [30, 160], caseShare: 0.7,
    names: [() => (r) => `${pick(r, NAME_WORDS)}요양원`, (p) => () => `${p}시니어요양원`, () => (r) => `${pick(r, NAME_WORDS)}실버케어센터`],
  },
  {
    name: '장애인거주시설', digit: '6', weight: 11, users: [20, 85], caseShare: 0.8,
    names: [() => (r) => `${pick(r, NAME_WORDS)}재활원`, () => (r) => `${pick(r, NAME_WORDS)}마을`, (p) => () => `${p}장애인의집`],
  },
];

/**
 * One facility's underlying profile; both cycles' rows are drawn from it.
 * @typedef {{ id: string, name: string, region: string, type: typeof FACILITY_TYPES[number], q: number,
 *   in2021: boolean, in2024: boolean, users: number, satisfaction2021: number, satisfaction2024: number }} Facility
 */

const FACILITY_COUNT_2024 = 336;
const FACILITY_CLOSED_BEFORE_2024 = 14;
const FACILITY_NEW_SINCE_2021 = 38;
/** How much the average facility improved between the two cycles, in units of quality. */
const DRIFT_SINCE_2021 = 0.15;

/**
 * Draws the facility population: those evaluated in 2024 (most of them also in 2021, some opened since),
 * and a few evaluated in 2021 that closed before 2024.
 * @param {Random} random
 * @returns {Facility[]}
 */
function drawFacilities(random) {
  const counts = regionCounts(FACILITY_COUNT_2024 + FACILITY_CLOSED_BEFORE_2024, 6);
  const usedNames = new Set();
  /** @type {Facility[]} */
  const facilities = [];
  REGIONS.forEach((region, r) => {
    const perType = new Map();
    for (let i = 0; i < /** @type {number} */ (counts[r]); i += 1) {
      // the first six of each province cover every type, so small provinces still have each kind
      const type = FACILITY_TYPES[i] ?? weightedPick(random, FACILITY_TYPES);
      const seq = (perType.get(type.name) ?? 0) + 1;
      perType.set(type.name, seq);
      const place = pick(random, region.places);
      const name = uniqueName(random, usedNames, type.names.map((pattern) => pattern(place)));
      // facilities cluster towards good results, as in published cycles: most A–C, a tail of D and F
      const q = 0.45 + 0.65 * normal(random);
      const [lo, hi] = type.users;
      const users = Math.round(lo + (hi - lo) * random());
      const satisfaction2021 = round(clamp(79 + 6 * q + 4 * normal(random), 45, 99), 1);
      const satisfaction2024 = round(clamp(satisfaction2021 + 1.5 + 1.2 * q + 2.2 * normal(random), 45, 99.5), 1);
      facilities.push({
        id: `${region.code}${type.digit}${String(seq).padStart(4, '0')}`,
        name,
        region: region.name,
        type,
        q,
        in2021: true,
        in2024: true,
        users,
        satisfaction2021,
        satisfaction2024,
      });
    }
  });
  // Mark who was not in both cycles: opened since 2021 (no previous-cycle values) and closed before 2024.
  const order = facilities.map((f, i) => ({ f, key: random(), i }));
  order.sort((a, b) => a.key - b.key || a.i - b.i);
  order.slice(0, FACILITY_CLOSED_BEFORE_2024).forEach(({ f }) => (f.in2024 = false));
  order.slice(FACILITY_CLOSED_BEFORE_2024, FACILITY_CLOSED_BEFORE_2024 + FACILITY_NEW_SINCE_2021).forEach(({ f }) => (f.in2021 = false));
  return facilities;
}

const FACILITY_HEADERS_COMMON = [
  '시설코드', '시설명', '시도', '시설유형', '편의시설 설치율(%)', '안전점검(회)', '예산집행률(%)', '종사자 이직률(%)',
  '1인당 교육시간(시간)',
];

/**
 * The columns both cycles share, drawn around the facility's quality in that cycle.
 * @param {Random} random
 * @param {Facility} f
 * @param {number} q the facility's quality in this cycle
 * @param {number} blank chance that an optional cell is blank
 * @returns {Cell[]}
 */
function facilityCommonCells(random, f, q, blank) {
  const accessibility = random() < 0.25 + 0.1 * q ? 100 : round(clamp(86 + 7 * q + 5 * normal(random), 52, 99.9), 1);
  return [
    f.id,
    f.name,
    f.region,
    f.type.name,
    blankOr(random, blank, messyNumber(random, accessibility, 1, { percent: true })),
    blankOr(random, blank, String(Math.round(clamp(9 + 3 * q + 2 * normal(random), 0, 15)))),
    blankOr(random, blank, messyNumber(random, round(clamp(93 + 3 * q + 2 * normal(random), 72, 100), 1), 1, { percent: true })),
    blankOr(random, blank, messyNumber(random, round(clamp(19 - 6 * q + 5 * normal(random), 1.5, 55), 1), 1, { percent: true })),
    blankOr(random, blank, messyNumber(random, round(clamp(15 + 5 * q + 4 * normal(random), 2, 42), 1), 1)),
  ];
}

/**
 * Case-managed clients and users: residential facilities manage most residents, community centres a share.
 * @param {Random} random
 * @param {Facility} f
 * @param {number} users
 * @param {number} q
 */
function caseClients(random, f, users, q) {
  const share = clamp(f.type.caseShare + 0.07 * q + 0.05 * normal(random), 0.01, 1);
  return Math.min(users, Math.round(users * share));
}

/**
 * The rights and operations columns both cycles share.
 * @param {Random} random
 * @param {number} q
 * @param {number} blank
 * @param {string} region
 * @returns {Cell[]}
 */
function facilityRightsCells(random, q, blank, region) {
  const privacy = random() < 0.93 + 0.03 * q;
  // Sheets from some provinces write yes/no in Korean.
  const yesNo = ['경북', '전남', '제주'].includes(region) ? (privacy ? '예' : '아니오') : privacy;
  return [
    blankOr(random, blank, messyNumber(random, round(clamp(84 + 10 * q + 7 * normal(random), 25, 100), 1), 1, { percent: true })),
    blankOr(random, blank, levelFor(random, q)),
    blankOr(random, blank / 2, yesNo),
    blankOr(random, blank, levelFor(random, q)),
  ];
}

/**
 * @param {Random} random
 * @param {number} q
 */
const communityLinks = (random, q) => String(Math.round(clamp(17 + 8 * q + 6 * normal(random), 0, 64)));

/**
 * The facility whose quality is nearest `q`.
 * @param {readonly Facility[]} list
 * @param {number} q
 */
const closestInQuality = (list, q) => list.reduce((best, f) => (Math.abs(f.q - q) < Math.abs(best.q - q) ? f : best));

/**
 * Rows of facilities-2024.csv, with the edge cases the rubric's rules need:
 * one abuse sanction, one open investigation, two facilities whose data are too sparse to grade.
 * @param {Random} random
 * @param {Facility[]} facilities
 */
function facilities2024(random, facilities) {
  const headers = [
    ...FACILITY_HEADERS_COMMON, '프로그램 목표달성률(%)', '실이용자 수(명)', '사례관리 대상자 수(명)', '이용자 만족도(점)',
    '직전 평가 만족도(점)', '인권교육 이수율(%)', '고충처리', '개인정보보호 조치', '운영 전반 평정', '지역사회 연계(건)',
    '학대 행정처분', '조사 진행 중',
  ];
  const graded = facilities.filter((f) => f.in2024);
  // a strong facility is sanctioned (so the rights area's 0 visibly costs it), an average one is under investigation
  const sanctioned = closestInQuality(graded.slice(0, 100), 1.3);
  const investigated = closestInQuality(graded.slice(100, 200), 0.5);
  const sparse = new Set([graded[96], graded[259]]);
  const rows = graded.map((f) => {
    const blank = sparse.has(f) ? 0.85 : 0.02;
    const q = f.q + DRIFT_SINCE_2021;
    const users = Math.round(f.users * (1 + 0.08 * normal(random)));
    return [
      ...facilityCommonCells(random, f, q, blank),
      blankOr(random, blank, messyNumber(random, round(clamp(80 + 9 * q + 6 * normal(random), 35, 100), 1), 1, { percent: true })),
      messyCount(random, users),
      blankOr(random, blank, messyCount(random, caseClients(random, f, users, q))),
      blankOr(random, blank, messyNumber(random, f.satisfaction2024, 1)),
      f.in2021 ? messyNumber(random, f.satisfaction2021, 1) : null,
      ...facilityRightsCells(random, q, blank, f.region),
      blankOr(random, blank, communityLinks(random, q)),
      f === sanctioned,
      f === investigated,
    ];
  });
  return toCsv(headers, rows);
}

/**
 * Rows of facilities-2021.csv for the 2021 rubric: output indicators (sessions against plan, volunteers).
 * The satisfaction written here is what facilities-2024.csv carries as the previous-cycle value.
 * @param {Random} random
 * @param {Facility[]} facilities
 */
function facilities2021(random, facilities) {
  const headers = [
    ...FACILITY_HEADERS_COMMON, '프로그램 실적(회)', '프로그램 계획(회)', '실이용자 수(명)', '사례관리 대상자 수(명)',
    '이용자 만족도(점)', '인권교육 이수율(%)', '고충처리', '개인정보보호 조치', '운영 전반 평정', '자원봉사자(명)',
    '지역사회 연계(건)', '학대 행정처분', '조사 진행 중',
  ];
  const rows = facilities
    .filter((f) => f.in2021)
    .map((f) => {
      const blank = 0.02;
      const q = f.q;
      const plan = Math.round(60 + 200 * random());
      const done = Math.round(plan * clamp(0.9 + 0.08 * q + 0.06 * normal(random), 0.4, 1.15));
      const volunteers = Math.round(clamp(45 + 30 * q + 25 * normal(random), 0, 240));
      return [
        ...facilityCommonCells(random, f, q, blank),
        blankOr(random, blank, messyCount(random, done)),
        messyCount(random, plan),
        messyCount(random, f.users),
        blankOr(random, blank, messyCount(random, caseClients(random, f, f.users, q))),
        messyNumber(random, f.satisfaction2021, 1),
        ...facilityRightsCells(random, q, blank, f.region),
        blankOr(random, blank, messyCount(random, volunteers)),
        blankOr(random, blank, communityLinks(random, q)),
        false,
        false,
      ];
    });
  return toCsv(headers, rows);
}

// ---------------------------------------------------------------------------------------------
// ltc-2024.csv: long-term-care providers for the relative (quota) rubric
// ---------------------------------------------------------------------------------------------

/**
 * Service types with their count, monthly care hours per recipient (mean, sd), whether falls are
 * recorded (residential and day care only) and name patterns. 단기보호 and 공동생활가정 have fewer than 20
 * providers, so the rubric grades them by their place in the whole population.
 * @type {readonly { name: string, digit: string, count: number, hours: [mean: number, sd: number], falls: boolean, names: string[] }[]}
 */
const LTC_TYPES = [
  { name: '방문요양', digit: '1', count: 72, hours: [52, 11], falls: false, names: ['재가복지센터', '방문요양센터', '재가노인복지센터'] },
  { name: '방문목욕', digit: '2', count: 36, hours: [6.5, 1.6], falls: false, names: ['방문목욕센터', '목욕서비스센터'] },
  { name: '주야간보호', digit: '3', count: 46, hours: [118, 24], falls: true, names: ['주간보호센터', '데이케어센터', '주야간보호센터'] },
  { name: '단기보호', digit: '4', count: 12, hours: [290, 45], falls: true, names: ['단기보호센터', '단기보호시설'] },
  { name: '노인요양시설', digit: '5', count: 40, hours: [165, 30], falls: true, names: ['요양원', '노인요양원', '실버요양원'] },
  { name: '공동생활가정', digit: '6', count: 16, hours: [182, 32], falls: true, names: ['노인공동생활가정', '그룹홈'] },
];

/** @param {Random} random */
function ltc2024(random) {
  const headers = [
    '장기요양기관기호', '기관명', '시도', '급여종류', '직원 근속률(%)', '직원 교육 이수율(%)', '안전점검 이행', '감염관리',
    '급여계약 설명·동의', '고충 건수(100명당)', '급여제공계획 이행률(%)', '1인당 월 급여제공시간(시간)', '만족도(점)',
    '낙상 발생률(%)',
  ];
  const usedNames = new Set();
  /** @type {Cell[][]} */
  const rows = [];
  let serial = 0;
  for (const type of LTC_TYPES) {
    for (let i = 0; i < type.count; i += 1) {
      serial += 1;
      // every province appears: the first 17 providers of the largest type go one to each province
      const region = (type === LTC_TYPES[0] ? REGIONS[i] : undefined) ?? weightedPick(random, REGIONS);
      const name = uniqueName(random, usedNames, [
        (r) => `${pick(r, NAME_WORDS)}${pick(r, type.names)}`,
        (r) => `${pick(r, region.places)}${pick(r, type.names)}`,
      ]);
      const q = normal(random);
      const [hoursMean, hoursSd] = type.hours;
      const training = random() < 0.3 + 0.15 * q ? 100 : round(clamp(86 + 8 * q + 6 * normal(random), 40, 99.9), 1);
      rows.push([
        `2${region.code}${type.digit}${String(serial).padStart(7, '0')}`,
        name,
        region.name,
        type.name,
        blankOr(random, 0.02, messyNumber(random, round(clamp(72 + 11 * q + 8 * normal(random), 20, 100), 1), 1, { percent: true })),
        blankOr(random, 0.02, messyNumber(random, training, 1, { percent: true })),
        blankOr(random, 0.02, random() < 0.9 + 0.05 * q),
        blankOr(random, 0.02, levelFor(random, q)),
        blankOr(random, 0.02, random() < 0.94 + 0.03 * q),
        blankOr(random, 0.03, messyNumber(random, round(clamp(2.4 - 0.8 * q + 0.9 * normal(random), 0, 9), 1), 1)),
        blankOr(random, 0.02, messyNumber(random, round(clamp(91 + 4 * q + 3 * normal(random), 60, 100), 1), 1, { percent: true })),
        blankOr(random, 0.02, messyNumber(random, round(Math.max(0.5, hoursMean + hoursSd * (0.5 * q + 0.85 * normal(random))), 1), 1)),
        blankOr(random, 0.02, messyNumber(random, round(clamp(84 + 5 * q + 4 * normal(random), 50, 100), 1), 1)),
        type.falls ? blankOr(random, 0.03, messyNumber(random, round(clamp(2.8 - 1.1 * q + 1.2 * normal(random), 0, 14), 1), 1, { percent: true })) : null,
      ]);
    }
  }
  return toCsv(headers, rows);
}

// ---------------------------------------------------------------------------------------------
// quality-cert-applicants-2024.csv: applicants for the 2024 quality certificate
// ---------------------------------------------------------------------------------------------

const CERT_SERVICE_TYPES = [
  { name: '노인맞춤돌봄', names: ['노인맞춤돌봄센터', '재가노인지원센터'] },
  { name: '장애인활동지원', names: ['장애인활동지원센터', '활동지원기관'] },
  { name: '산모신생아건강관리', names: ['산모신생아돌봄', '맘케어센터'] },
  { name: '가사간병방문지원', names: ['가사간병센터', '방문돌봄센터'] },
  { name: '지역사회서비스투자', names: ['사회서비스센터', '아동심리발달센터'] },
  { name: '아이돌봄', names: ['아이돌봄센터', '가족돌봄센터'] },
];

/**
 * How a date is written in the applicant sheets, varying by who filled them in.
 * @param {Random} random
 * @param {Ymd} date
 */
function messyDate(random, [year, month, day]) {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const roll = random();
  if (roll < 0.45) return `${year}-${mm}-${dd}`;
  if (roll < 0.7) return `${year}.${mm}.${dd}`;
  if (roll < 0.82) return `${year}. ${month}. ${day}.`;
  if (roll < 0.92) return `${year}년 ${month}월 ${day}일`;
  return `${year}/${month}/${day}`;
}

/** @typedef {[year: number, month: number, day: number]} Ymd */

/**
 * Applicants whose eligibility the tests check by hand, for an as-of date of 2024-12-17
 * (the notification date in DESIGN.md): opened exactly three years before (eligible), opened a day
 * later (not), newly opened ones (not), one sanctioned within three years (not) and one sanctioned
 * longer ago (eligible).
 * @type {readonly { row: number, opened: Ymd, sanction?: Ymd }[]}
 */
const CERT_CASES = [
  { row: 3, opened: [2021, 12, 17] },
  { row: 8, opened: [2021, 12, 18] },
  { row: 13, opened: [2023, 3, 2] },
  { row: 19, opened: [2022, 9, 1] },
  { row: 24, opened: [2023, 11, 20] },
  { row: 30, opened: [2016, 5, 9], sanction: [2023, 5, 10] },
  { row: 35, opened: [2012, 4, 2], sanction: [2019, 3, 2] },
];

const CERT_APPLICANTS = 48;

/** @param {Random} random */
function qualityCertApplicants2024(random) {
  const headers = [
    '기관코드', '기관명', '시도', '서비스유형', '개설일', '최근 행정처분일', '서비스 제공계획', '이용자 만족도(점)',
    '민원 건수(100명당)', '자격보유 인력 비율(%)', '종사자 교육 이수율(%)', '인권·안전 현장심사(20점)', '배상책임보험 가입',
  ];
  const usedNames = new Set();
  /** @type {Cell[][]} */
  const rows = [];
  for (let row = 1; row <= CERT_APPLICANTS; row += 1) {
    const region = /** @type {typeof REGIONS[number]} */ (REGIONS[(row * 7) % REGIONS.length]);
    const type = /** @type {typeof CERT_SERVICE_TYPES[number]} */ (CERT_SERVICE_TYPES[row % CERT_SERVICE_TYPES.length]);
    const name = uniqueName(random, usedNames, [
      (r) => `${pick(r, NAME_WORDS)}${pick(r, type.names)}`,
      (r) => `${pick(r, region.places)}${pick(r, type.names)}`,
    ]);
    const special = CERT_CASES.find((c) => c.row === row);
    /** @type {Ymd} */
    const opened = special?.opened ?? [2008 + Math.floor(random() * 13), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)];
    const q = 1 + 0.8 * normal(random);
    rows.push([
      `Q${region.code}-${String(row).padStart(4, '0')}`,
      name,
      region.name,
      type.name,
      messyDate(random, opened),
      special?.sanction ? messyDate(random, special.sanction) : null,
      levelFor(random, q),
      messyNumber(random, round(clamp(80 + 7 * q + 4 * normal(random), 50, 99), 1), 1),
      messyNumber(random, round(clamp(1.8 - 0.9 * q + 0.7 * normal(random), 0, 8), 1), 1),
      messyNumber(random, round(clamp(88 + 6 * q + 4 * normal(random), 50, 100), 1), 1, { percent: true }),
      messyNumber(random, round(clamp(88 + 8 * q + 6 * normal(random), 40, 100), 1), 1, { percent: true }),
      String(Math.round(clamp(16 + 2.5 * q + 1.5 * normal(random), 6, 20))),
      random() < 0.92 + 0.04 * q,
    ]);
  }
  return toCsv(headers, rows);
}

// ---------------------------------------------------------------------------------------------

/** Writes every fixture into `outDir`. @param {string} outDir */
function writeFixtures(outDir) {
  mkdirSync(outDir, { recursive: true });
  const facilities = drawFacilities(seededRandom(2024_0301));
  /** @type {Record<string, string>} */
  const files = {
    'agencies-2024.csv': toCsv(AGENCY_HEADERS, AGENCY_ROWS),
    'facilities-2024.csv': facilities2024(seededRandom(2024_0302), facilities),
    'facilities-2021.csv': facilities2021(seededRandom(2021_0302), facilities),
    'ltc-2024.csv': ltc2024(seededRandom(2024_0303)),
    'quality-cert-applicants-2024.csv': qualityCertApplicants2024(seededRandom(2024_1217)),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(outDir, name), text, 'utf8');
    process.stdout.write(`${path.relative(process.cwd(), path.join(outDir, name)) || name}\n`);
  }
}

writeFixtures(path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'fixtures')));
