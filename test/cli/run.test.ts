import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogEventSchema, type LogEvent } from '../../src/report/log-events.js';
import { batchWorkspace, THREE_JOBS } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';

const AGENCIES_OUT = 'agencies-agency-management@2024-2024-12-31.json';
const FACILITIES_OUT = 'facilities-facility@2024-2024-12-31.csv';
const CERTS_OUT = 'certificates-quality-cert@2024-2025-06-30.csv';

interface GradeJson {
  inputs: { path: string }[];
  results: { id: string; total: number | null; grade: string | null; rank: number | null }[];
}

describe('sseval run: three jobs over mixed CSV and xlsx inputs', () => {
  let dir: string;
  let first: ReturnType<typeof runCli>;
  beforeAll(async () => {
    const workspace = await batchWorkspace();
    dir = workspace.dir;
    workspace.config(THREE_JOBS);
    first = runCli(['run'], { cwd: dir });
  });

  it('runs every job, names each output predictably and exits 0', () => {
    expect(first.stderr).toContain('RUN_SUMMARY');
    expect(first.status).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([AGENCIES_OUT, CERTS_OUT, FACILITIES_OUT].sort());
    const outcomes = first.stderr.split('\n').filter((line) => line.includes('RUN_JOB_OK'));
    expect(outcomes).toEqual([
      `안내 RUN_JOB_OK: 작업 agencies (grade) 완료: 종료 코드 0, 출력 out/${AGENCIES_OUT}`,
      `안내 RUN_JOB_OK: 작업 facilities (validate) 완료: 종료 코드 0, 출력 out/${FACILITIES_OUT}`,
      `안내 RUN_JOB_OK: 작업 certificates (certs) 완료: 종료 코드 0, 출력 out/${CERTS_OUT}`,
    ]);
    expect(first.stderr).toContain('RUN_SUMMARY: 작업 3개 중 성공 3개, 실패 0개; 종료 코드 0');
  });

  it('reads the CSV and the xlsx half as one data set, graded as the single fixture file is', () => {
    const batch = JSON.parse(readFileSync(path.join(dir, 'out', AGENCIES_OUT), 'utf8')) as GradeJson;
    expect(batch.inputs.map((i) => i.path)).toEqual(['data/agencies-a.csv', 'data/agencies-b.xlsx']);
    const single = runCli(['grade', 'fixtures/agencies-2024.csv', '--rubric', 'agency-management@2024', '--as-of', '2024-12-31', '--format', 'json']);
    const reference = JSON.parse(single.stdout) as GradeJson;
    const summary = (doc: GradeJson) => doc.results.map((r) => [r.id, r.total, r.grade, r.rank]);
    expect(batch.results).toHaveLength(16);
    expect(summary(batch)).toEqual(summary(reference));
  });

  it('never overwrites an existing output without --force, and with --force writes the same bytes', () => {
    const before = readFileSync(path.join(dir, 'out', FACILITIES_OUT));
    const again = runCli(['run'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr.match(/OUTPUT_EXISTS/g)).toHaveLength(3);
    expect(again.stderr).toContain('오류 RUN_JOB_FAILED sseval.config.yaml:4: 작업 agencies (grade) 실패: 종료 코드 2 (사용법·설정 오류)');
    const forced = runCli(['run', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(dir, 'out', FACILITIES_OUT)).equals(before)).toBe(true);
  });

  it('takes --job, --as-of, --out-dir and options after -- from the command line over the config', () => {
    const run = runCli(['run', '--job', 'facilities', '--as-of', '2025-01-02', '--out-dir', 'elsewhere', '--', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual(['facilities-facility@2024-2025-01-02.csv']);
    const csv = readFileSync(path.join(dir, 'elsewhere', 'facilities-facility@2024-2025-01-02.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffSeverity,Code,File,Sheet,Line,Data row,Column,Header,Field,Institution,Value,Message,Where');
    expect(run.stderr).toContain('RUN_SUMMARY: 작업 1개 중 성공 1개, 실패 0개; 종료 코드 0');
  });

  it('refuses an unknown job with the names it knows (exit 2)', () => {
    const run = runCli(['run', '--job', 'nightly'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('설정에 작업 "nightly"이(가) 없습니다. 있는 작업: agencies, facilities, certificates');
  });

  it('logs one JSON event per line, each valid by the schema, with the output sha256', () => {
    const run = runCli(['run', '--log-format', 'json', '--out-dir', 'logged', '--job', 'agencies'], { cwd: dir });
    expect(run.status).toBe(0);
    const events: LogEvent[] = run.stderr.trimEnd().split('\n').map((line) => LogEventSchema.parse(JSON.parse(line)));
    expect(events.map((e) => e.event)).toEqual(['job-started', 'file-read', 'file-read', 'issues-found', 'output-written', 'job-finished', 'run-finished']);
    expect(events.slice(0, 6).every((e) => e.job === 'agencies')).toBe(true);
    const reads = events.filter((e) => e.event === 'file-read');
    expect(reads.map((e) => [e.path, e.format, e.records])).toEqual([
      ['data/agencies-a.csv', 'csv', 8],
      ['data/agencies-b.xlsx', 'xlsx', 8],
    ]);
    const written = events.find((e) => e.event === 'output-written');
    const file = path.join(dir, 'logged', AGENCIES_OUT);
    expect(written).toMatchObject({ path: `logged/${AGENCIES_OUT}`, bytes: readFileSync(file).length, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    expect(events.find((e) => e.event === 'job-finished')).toMatchObject({ exitCode: 0 });
    expect(events.at(-1)).toMatchObject({ event: 'run-finished', exitCode: 0, jobs: [{ job: 'agencies', exitCode: 0 }] });
  });

  it('--quiet leaves stderr empty when every job succeeds', () => {
    const run = runCli(['run', '--quiet', '--job', 'certificates', '--out-dir', 'quiet'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(existsSync(path.join(dir, 'quiet', CERTS_OUT))).toBe(true);
  });
});

describe('sseval run: gates and exit codes', () => {
  const gated = (jobs: string) => `as-of: "2024-12-31"\nout-dir: out\njobs:\n${jobs}`;

  it.each([
    [
      'grade --fail-under B: three agencies are graded C',
      '  - { name: g, command: grade, rubric: agency-management, inputs: [data/agencies-*.*], gates: { fail-under: B }, output: { format: csv } }\n',
      1,
      'GATE_FAIL_UNDER: 3곳이 B 등급보다 낮습니다 (--fail-under B): 0361, 0431, 0501',
    ],
    ['grade --fail-under C passes', '  - { name: g, command: grade, rubric: agency-management, inputs: [data/agencies-*.*], gates: { fail-under: C }, output: { format: csv } }\n', 0, 'RUN_JOB_OK'],
    [
      'grade --fail-under with a grade the rubric lacks is a usage error',
      '  - { name: g, command: grade, rubric: agency-management, inputs: [data/agencies-*.*], gates: { fail-under: E } }\n',
      2,
      '--fail-under 값 "E"이(가) 올바르지 않습니다: S, A, B, C, D',
    ],
    [
      'certs --fail-if-expiring: five certificates expire within 90 days',
      '  - { name: c, command: certs, rubric: quality-cert, as-of: "2025-06-30", inputs: [data/certs/*.csv], gates: { fail-if-expiring: true }, output: { format: json } }\n',
      1,
      'CERTS_EXPIRING',
    ],
    [
      'an input pattern that matches nothing',
      '  - { name: v, command: validate, rubric: facility, inputs: [data/*.tsv] }\n',
      2,
      'RUN_NO_MATCH sseval.config.yaml:4 (jobs[0].inputs): 입력 패턴 "data/*.tsv"에 맞는 파일이 없습니다',
    ],
  ])('%s', async (_case, jobs, status, expected) => {
    const workspace = await batchWorkspace();
    workspace.config(gated(jobs));
    const run = runCli(['run'], { cwd: workspace.dir });
    expect(run.stderr).toContain(expected);
    expect(run.status).toBe(status);
  });

  it('validate --max-issues counts warnings: one unknown column passes 1, fails 0', async () => {
    const workspace = await batchWorkspace();
    const csv = readFileSync(path.join(workspace.dir, 'data', 'agencies-a.csv'), 'utf8').split('\n');
    const withNote = csv.map((line, i) => (line === '' ? line : i === 0 ? `${line},비고` : `${line},`)).join('\n');
    (await import('node:fs')).writeFileSync(path.join(workspace.dir, 'data', 'noted.csv'), withNote);
    const job = (max: number) => `  - { name: v${max}, command: validate, rubric: agency-management, inputs: [data/noted.csv], gates: { max-issues: ${max} } }\n`;
    workspace.config(gated(job(1) + job(0)));
    const run = runCli(['run'], { cwd: workspace.dir });
    expect(run.stderr).toContain('GATE_MAX_ISSUES: 문제 1건(오류 0, 경고 1)이 --max-issues 0을(를) 넘습니다');
    expect(run.stderr).toContain('RUN_JOB_OK: 작업 v1 (validate) 완료');
    expect(run.stderr).toContain('RUN_JOB_FAILED sseval.config.yaml:5: 작업 v0 (validate) 실패: 종료 코드 1 (자료 오류 또는 기준 미달)');
    expect(run.status).toBe(1);
  });

  it("exits with the worst job's code and reports every job's outcome, in order", async () => {
    const workspace = await batchWorkspace();
    workspace.config(
      gated(
        [
          '  - { name: ok, command: validate, rubric: facility, inputs: [data/facilities-2024.csv], output: { format: json } }',
          '  - { name: gate, command: grade, rubric: agency-management, inputs: [data/agencies-*.*], gates: { fail-under: A } }',
          '  - { name: broken, command: grade, rubric: no-such-rubric, inputs: [data/agencies-a.csv] }',
          '  - { name: after, command: certs, rubric: quality-cert, inputs: [data/certs/*.csv], output: { format: csv } }',
          '',
        ].join('\n'),
      ),
    );
    const run = runCli(['run', '--quiet'], { cwd: workspace.dir });
    expect(run.status).toBe(2);
    const outcomes = run.stderr.split('\n').filter((line) => line.includes('RUN_JOB_'));
    expect(outcomes).toEqual([
      '오류 RUN_JOB_FAILED sseval.config.yaml:5: 작업 gate (grade) 실패: 종료 코드 1 (자료 오류 또는 기준 미달)',
      '오류 RUN_JOB_FAILED sseval.config.yaml:6: 작업 broken (grade) 실패: 종료 코드 2 (사용법·설정 오류)',
    ]);
    // --quiet: only error lines, and the jobs that succeeded still wrote their outputs
    expect(run.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('오류 '))).toBe(true);
    expect(readdirSync(path.join(workspace.dir, 'out')).sort()).toEqual(['after-quality-cert@2024-2024-12-31.csv', 'ok-facility@2024-2024-12-31.json']);
    expect(run.stderr).toContain('RUN_SUMMARY: 작업 4개 중 성공 2개, 실패 2개; 종료 코드 2');
  });

  it('a configuration error says the file, path and line (exit 2), and nothing runs', async () => {
    const workspace = await batchWorkspace();
    const file = workspace.config(gated('  - name: g\n    command: grade\n    rubric: agency-management\n    inputs: [data/a.csv]\n    gates: { fail-under: B, max-issue: 3 }\n'));
    const run = runCli(['run', '--config', file], { cwd: workspace.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`CONFIG_SCHEMA ${file}:8 (jobs[0].gates)`);
    expect(existsSync(path.join(workspace.dir, 'out'))).toBe(false);
    const missing = runCli(['run', '--config', 'nope.yaml'], { cwd: workspace.dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('CONFIG_NOT_FOUND');
  });
});
