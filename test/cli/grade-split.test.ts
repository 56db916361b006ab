import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_FIRST_SHARE } from '../../src/ingest/csv.js';
import { ROOT, runCli } from '../helpers/cli.js';

// A large CSV graded for its ranking is read on two threads (see src/ingest/csv-part.ts): the second half by a worker,
// taken only when both halves were read plainly with nothing to report and no id in both. Forcing the split on small
// files (SSEVAL_SPLIT_MIN_BYTES=0), every case must give what reading on one thread gives, byte for byte.
const SPLIT = { SSEVAL_SPLIT_MIN_BYTES: '0' };
const ONE_THREAD = { SSEVAL_SPLIT_MIN_BYTES: '999999999999' };
const COUNT = 2000;
const dir = mkdtempSync(path.join(tmpdir(), 'sseval-split-'));
/** The benchmark's rubric: 40 indicators over 기관코드, 기관명, 시도, 서비스유형 and 지표01–지표40. */
const RUBRIC = path.join(ROOT, 'bench', 'rubric-40.yaml');
const REGIONS = ['서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주'];
const TYPES = ['노인돌봄', '장애인활동지원', '아동돌봄', '가사간병', '산모신생아'];
const headers = () => ['기관코드', '기관명', '시도', '서비스유형', ...Array.from({ length: 40 }, (_, m) => `지표${String(m + 1).padStart(2, '0')}`)];
/** Synthetic providers: measures spread over 0–100 (every fourth an integer, as the rubric types it), some blank. */
const generated = Array.from({ length: COUNT }, (_, i) => {
  const region = REGIONS[i % REGIONS.length]!;
  const type = TYPES[(i * 7) % TYPES.length]!;
  const measures = Array.from({ length: 40 }, (_, m) => {
    if ((i * 13 + m * 7) % 499 === 0) return '';
    const value = ((i * 37 + m * 11) % 1001) / 10;
    return m % 4 === 2 ? String(Math.round(value)) : value.toFixed(1);
  });
  return [`${11 + (i % 17)}${String(i + 1).padStart(8, '0')}`, `${region}${type}센터 ${i + 1}호`, region, type, ...measures].join(',');
});

/** Writes a data file from header and data lines: CRLF line ends and a BOM unless told otherwise. */
function dataFile(name: string, lines: readonly string[], { ending = '\r\n', bom = true } = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${bom ? '\uFEFF' : ''}${[headers().join(','), ...lines].join(ending)}${ending}`);
  return file;
}

/** Grades the file to CSV with a JSON log: exit code, stdout, the output's bytes, and the log without its times. */
function grade(file: string, env: NodeJS.ProcessEnv, extra: readonly string[] = []) {
  const out = `${file}.${env === SPLIT ? 'split' : 'one'}.csv`;
  // a worker thread left running keeps the process from ending: such a run is stopped and fails
  const run = runCli(['grade', '--rubric', RUBRIC, file, '--format', 'csv', '--out', out, '--force', '--as-of', '2024-12-31', '--log-format', 'json', ...extra], {
    env,
    timeout: 20_000,
  });
  const events = run.stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { time: _time, ...event } = JSON.parse(line) as Record<string, unknown>;
      return event;
    });
  let output = '';
  try {
    output = readFileSync(out, 'utf8');
  } catch {
    output = '(no output)';
  }
  return { status: run.status, stdout: run.stdout, events, output };
}

/** Whether the file's second half was taken from the other thread, as the log says. */
const threadsOf = (events: readonly Record<string, unknown>[]) => events.find((e) => e.event === 'file-read')?.threads;
/** The log without the thread count and the output's path (each run writes its own file). */
const withoutThreads = (events: readonly Record<string, unknown>[]) => events.map(({ threads: _threads, ...e }) => e).filter((e) => e.event !== 'output-written');

/** A data line with one cell changed. */
const changed = (line: string, column: number, value: string) => line.split(',').map((cell, i) => (i === column ? value : cell)).join(',');
const at = (fraction: number) => Math.floor(COUNT * fraction);

describe('grading a large CSV on two threads', () => {
  it.each([
    ['CRLF with a BOM', dataFile('clean-crlf.csv', generated)],
    ['LF without a BOM', dataFile('clean-lf.csv', generated, { ending: '\n', bom: false })],
  ])('takes the second half from the other thread and gives the same ranking (%s)', (_label, file) => {
    const split = grade(file, SPLIT);
    const one = grade(file, ONE_THREAD);
    expect(split.status).toBe(0);
    expect(threadsOf(split.events)).toBe(2);
    expect(threadsOf(one.events)).toBeUndefined();
    expect(split.output).toBe(one.output);
    expect(split.output.split('\r\n').filter(Boolean)).toHaveLength(COUNT + 1);
    expect(withoutThreads(split.events)).toEqual(withoutThreads(one.events));
  });

  it('gives the same ranking CSV on stdout, with the same words on stderr', () => {
    const file = path.join(dir, 'clean-crlf.csv');
    const args = ['grade', '--rubric', RUBRIC, file, '--format', 'csv', '--as-of', '2024-12-31'];
    const split = runCli(args, { env: SPLIT });
    const one = runCli(args, { env: ONE_THREAD });
    expect(split.status).toBe(0);
    expect(split.stdout.split('\r\n').filter(Boolean)).toHaveLength(COUNT + 1);
    expect(split.stdout).toBe(one.stdout);
    expect(split.stderr).toBe(one.stderr);
  });

  // each case puts something in the second half (or across the middle) that the other thread does not read quietly,
  // or that only shows when both halves are put together: the file is then read on one thread after all
  const repeated = generated.map((line, i) => (i === at(0.8) ? changed(line, 0, generated[at(0.1)]!.split(',')[0]!) : line));
  const quoted = generated.map((line, i) => (i === at(0.7) ? changed(line, 1, '"서울, 중구 센터"') : line));
  const badValue = generated.map((line, i) => (i === at(0.75) ? changed(line, 4, '없음') : line));
  const blankInSecond = generated.flatMap((line, i) => (i === at(0.9) ? ['', line] : [line]));
  const lineBreakAcrossMiddle = generated.map((line, i) => (i === at(READ_FIRST_SHARE) - 1 ? changed(line, 1, '"두 줄\r\n이름"') : line));
  const repeatedInSecond = generated.map((line, i) => (i === at(0.9) ? changed(line, 0, generated[at(0.6)]!.split(',')[0]!) : line));
  it.each([
    ['an id of the first half repeated in the second', dataFile('repeated.csv', repeated), 1],
    ['an id repeated within the second half', dataFile('repeated-second.csv', repeatedInSecond), 1],
    ['a quoted cell in the second half', dataFile('quoted.csv', quoted), 0],
    ['a value that is not a number in the second half', dataFile('bad-value.csv', badValue), 1],
    ['a blank line in the second half', dataFile('blank.csv', blankInSecond), 0],
    ['a cell with a line break just before the middle', dataFile('line-break.csv', lineBreakAcrossMiddle), 0],
  ])('reads the file on one thread when it has %s, with the same results and problems', (_label, file, status) => {
    const split = grade(file, SPLIT);
    const one = grade(file, ONE_THREAD);
    expect(split.status).toBe(status);
    expect(threadsOf(split.events)).toBeUndefined();
    expect({ ...split, events: withoutThreads(split.events) }).toEqual({ ...one, events: withoutThreads(one.events) });
  });

  it('a problem in the first half does not keep the second from being taken', () => {
    const file = dataFile('bad-first.csv', generated.map((line, i) => (i === at(0.2) ? changed(line, 4, '없음') : line)));
    const split = grade(file, SPLIT, ['--skip-invalid']);
    const one = grade(file, ONE_THREAD, ['--skip-invalid']);
    expect(split.status).toBe(1);
    expect(threadsOf(split.events)).toBe(2);
    expect(split.output).toBe(one.output);
    expect(split.stdout).toBe(one.stdout);
    expect(withoutThreads(split.events)).toEqual(withoutThreads(one.events));
  });

  it('a second file after the split one still finds ids repeated from the second half', () => {
    const first = path.join(dir, 'clean-crlf.csv');
    const second = dataFile('again.csv', [generated[at(0.9)]!]);
    const split = grade(first, SPLIT, [second]);
    const one = grade(first, ONE_THREAD, [second]);
    expect(split.status).toBe(1);
    expect(threadsOf(split.events)).toBe(2);
    expect(withoutThreads(split.events)).toEqual(withoutThreads(one.events));
    expect(JSON.stringify(split.events)).toContain('ID_DUPLICATE');
  });

  it('a file the other thread cannot read (CP949), or one refused for its encoding, ends the thread made ready for it', () => {
    const utf8 = path.join(dir, 'clean-crlf.csv');
    const cp949 = path.join(dir, 'clean-cp949.csv');
    writeFileSync(cp949, iconv.encode(readFileSync(utf8, 'utf8').replace(/^\uFEFF/, ''), 'cp949'));
    const split = grade(cp949, SPLIT);
    const one = grade(cp949, ONE_THREAD);
    expect(split.status).toBe(0);
    expect(threadsOf(split.events)).toBeUndefined();
    expect(split.output).toBe(one.output);
    expect(split.output).toBe(grade(utf8, ONE_THREAD).output);
    // neither UTF-8 nor clean CP949 (Latin-1): refused before a row is read, the thread made ready never used
    const latin = path.join(dir, 'latin1.csv');
    writeFileSync(latin, Buffer.from(`${headers().join(',')}\ncaf\xe9,x\n`, 'latin1'));
    const refused = grade(latin, SPLIT);
    const refusedOne = grade(latin, ONE_THREAD);
    expect(refused.status).toBe(2);
    expect(refused.events).toEqual(refusedOne.events);
  });

  it('the result workbook, which keeps every value, is read on one thread', () => {
    const file = path.join(dir, 'clean-lf.csv');
    const out = path.join(dir, 'result.xlsx');
    const run = runCli(['grade', '--rubric', RUBRIC, file, '--format', 'xlsx', '--out', out, '--as-of', '2024-12-31', '--log-format', 'json'], { env: SPLIT });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('"event":"file-read"');
    expect(run.stderr).not.toContain('"threads"');
  });
});
