// Deterministic benchmark data: providers × 40 measures (bench/rubric-40.yaml), as UTF-8 CSV and as xlsx.
// The same seed gives the same rows byte for byte, so runs on different days measure the same input.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../scripts/seeded-random.mjs';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(BENCH_DIR, 'data');
export const RUBRIC = path.join(BENCH_DIR, 'rubric-40.yaml');
export const MEASURES = 40;

/** Bump when the rows change, so stale data files are regenerated rather than reused. */
const DATA_VERSION = 1;

const REGIONS = ['서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주'];
const SERVICE_TYPES = ['노인돌봄', '장애인활동지원', '아동돌봄', '가사간병', '산모신생아', '지역사회서비스'];
const SUFFIXES = ['센터', '복지관', '돌봄센터', '지원센터', '사회서비스'];


/** Header texts: the rubric's aliases, so the header row matches the way a real sheet names its columns. */
export function headers() {
  const measures = Array.from({ length: MEASURES }, (_, i) => `지표${String(i + 1).padStart(2, '0')}`);
  return ['기관코드', '기관명', '시도', '서비스유형', ...measures];
}

/**
 * The rows, one at a time: [id, name, region, service type, 40 measure texts]. Measures are 0–100 with one
 * decimal (integers for every third-of-four measure, which the rubric types as integer); about 1 cell in 500 is blank.
 */
export function* rows(count) {
  const next = seededRandom(20240917);
  for (let i = 1; i <= count; i += 1) {
    const regionIndex = Math.floor(next() * REGIONS.length);
    const region = REGIONS[regionIndex];
    const type = SERVICE_TYPES[Math.floor(next() * SERVICE_TYPES.length)];
    const id = `${String(regionIndex + 11)}${String(i).padStart(8, '0')}`;
    const name = `${region}${type}${SUFFIXES[i % SUFFIXES.length]} ${i}호`;
    const quality = 55 + next() * 40;
    const measures = [];
    for (let m = 0; m < MEASURES; m += 1) {
      if (next() < 0.002) {
        measures.push('');
        continue;
      }
      const lowerIsBetter = m % 4 === 1;
      const centre = lowerIsBetter ? 45 - quality * 0.4 : quality;
      const value = Math.min(100, Math.max(0, centre + (next() - 0.5) * 30));
      measures.push(m % 4 === 2 ? String(Math.round(value)) : value.toFixed(1));
    }
    yield [id, name, region, type, ...measures];
  }
}

const csvCell = (text) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

export const csvPath = (label) => path.join(DATA_DIR, `providers-${label}-v${DATA_VERSION}.csv`);
export const xlsxPath = (label) => path.join(DATA_DIR, `providers-${label}-v${DATA_VERSION}.xlsx`);

async function writeCsv(file, count) {
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`\uFEFF${headers().join(',')}\r\n`);
  let batch = '';
  for (const row of rows(count)) {
    batch += `${row.map(csvCell).join(',')}\r\n`;
    if (batch.length > 1 << 16) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  renameSync(temp, file);
}

/** Writes the workbook Excel would: shared strings for text, numbers as numbers, blanks left out. */
async function writeXlsx(file, count) {
  const { default: ExcelJS } = await import('exceljs');
  const temp = `${file}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('제공기관');
  sheet.addRow(headers()).commit();
  for (const row of rows(count)) {
    const [id, name, region, type, ...measures] = row;
    sheet.addRow([id, name, region, type, ...measures.map((m) => (m === '' ? null : Number(m)))]).commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(temp, file);
}

/** Makes sure the data files for these sizes exist (CSV always, xlsx where asked); returns their paths. */
export async function ensureData(sizes, log = () => {}) {
  mkdirSync(DATA_DIR, { recursive: true });
  const files = {};
  for (const { label, count, xlsx } of sizes) {
    const csv = csvPath(label);
    if (!existsSync(csv)) {
      log(`generating ${path.relative(BENCH_DIR, csv)} (${count} rows)`);
      await writeCsv(csv, count);
    }
    files[label] = { csv };
    if (xlsx) {
      const workbook = xlsxPath(label);
      if (!existsSync(workbook)) {
        log(`generating ${path.relative(BENCH_DIR, workbook)} (${count} rows)`);
        await writeXlsx(workbook, count);
      }
      files[label].xlsx = workbook;
    }
  }
  return files;
}
