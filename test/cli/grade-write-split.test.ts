import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecondWriters } from '../../src/cli/second-writer.js';
import { Grader } from '../../src/core/grader.js';
import { gradeDocument } from '../../src/report/grade-document.js';
import { pendingTempFiles } from '../../src/report/output.js';
import { bundledRubric, readFixture } from '../fixtures/read-fixture.js';
import { ROOT, runCli } from '../helpers/cli.js';

// A large ranking written to a file is written on two threads (see src/cli/second-writer.ts): a worker writes the
// later lines into a temp file beside the output, read back after the earlier ones. Forcing it on the small
// fixtures (SSEVAL_SPLIT_MIN_LINES=0), every output must be what one thread writes, byte for byte.
const TWO = { SSEVAL_SPLIT_MIN_LINES: '0' };
const ONE = { SSEVAL_SPLIT_MIN_LINES: '999999999' };
const dir = mkdtempSync(path.join(tmpdir(), 'sseval-write-split-'));

/** Grades a fixture to a CSV file with a JSON log: exit code, the file's text, the output-written event, what else is in the folder. */
function grade(rubric: string, data: string, env: NodeJS.ProcessEnv, extra: readonly string[] = []) {
  const folder = mkdtempSync(path.join(dir, 'out-'));
  const out = path.join(folder, 'ranking.csv');
  const args = ['grade', '--rubric', path.join(ROOT, 'rubrics', rubric), path.join(ROOT, 'fixtures', data), '--format', 'csv', '--out', out];
  const run = runCli([...args, '--as-of', '2024-12-31', '--log-format', 'json', '--skip-invalid', ...extra], { env });
  const events = run.stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: run.status, output: readFileSync(out, 'utf8'), written: events.find((e) => e.event === 'output-written'), folder: readdirSync(folder) };
}

describe('writing a large ranking on two threads', () => {
  it.each([
    ['agency-management-2024.yaml', 'agencies-2024.csv', []],
    ['facility-2024.yaml', 'facilities-2024.csv', []],
    ['facility-2021.yaml', 'facilities-2021.csv', ['--lang', 'en']],
    ['ltc-relative-2024.yaml', 'ltc-2024.csv', ['--group-by', 'region,service_type']],
    ['quality-cert-2024.yaml', 'quality-cert-applicants-2024.csv', []],
  ])('writes what one thread writes (%s, %s %s)', (rubric, data, extra) => {
    const two = grade(rubric, data, TWO, extra);
    const one = grade(rubric, data, ONE, extra);
    expect(two.status).toBe(one.status);
    expect(two.written?.threads).toBe(2);
    expect(one.written?.threads).toBeUndefined();
    expect(two.output).toBe(one.output);
    expect(two.output.split('\r\n').length).toBeGreaterThan(10);
    expect(two.written?.sha256).toBe(one.written?.sha256);
    expect(two.folder).toEqual(['ranking.csv']);
  });

  it('ends the thread made ready for a ranking that is never written (the output exists, no --force), leaving the file as it was', () => {
    const folder = mkdtempSync(path.join(dir, 'exists-'));
    const out = path.join(folder, 'ranking.csv');
    writeFileSync(out, 'before\n');
    const args = ['grade', '--rubric', path.join(ROOT, 'rubrics', 'ltc-relative-2024.yaml'), path.join(ROOT, 'fixtures', 'ltc-2024.csv'), '--format', 'csv', '--out', out];
    // a worker thread left running would keep the process from ending: it is stopped then, and fails here
    const run = runCli([...args, '--as-of', '2024-12-31'], { env: TWO, timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe('before\n');
    expect(readdirSync(folder)).toEqual(['ranking.csv']);
  });

  it('writes a ranking to stdout on one thread, the same text', () => {
    const args = ['grade', '--rubric', path.join(ROOT, 'rubrics', 'ltc-relative-2024.yaml'), path.join(ROOT, 'fixtures', 'ltc-2024.csv'), '--format', 'csv', '--as-of', '2024-12-31'];
    const two = runCli(args, { env: TWO });
    const one = runCli(args, { env: ONE });
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.split('\r\n').length).toBeGreaterThan(10);
  });
});

describe('SecondWriters', () => {
  it('leaves the lines to this thread when its worker cannot run, and removes its temp file when stopped', async () => {
    // run from the TypeScript sources, the worker's module (built beside the bundle) is not there: the worker fails
    const rubric = bundledRubric('ltc-relative-2024.yaml');
    const { records } = await readFixture('ltc-2024.csv', rubric);
    const grader = new Grader(rubric, { asOf: { year: 2024, month: 12, day: 31 } });
    records.forEach((record) => grader.add(record));
    const table = grader.finish();
    const context = { toolVersion: '0', inputs: [], asOf: { year: 2024, month: 12, day: 31 }, groupBy: ['service_type'], skipped: [], counts: table };
    const doc = gradeDocument(rubric, { results: [], problems: [] }, context);
    const folder = mkdtempSync(path.join(dir, 'fails-'));
    const writers = new SecondWriters(path.join(folder, 'ranking.csv'), 0);
    const later = writers.for({ ranking: table.ranking, doc, lang: 'ko', fieldLabels: {} }).start(3);
    expect(pendingTempFiles.size).toBe(1);
    expect(await later.done).toBeUndefined();
    await later.stop();
    expect(writers.threads).toBe(1);
    expect(pendingTempFiles.size).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
  });
});
