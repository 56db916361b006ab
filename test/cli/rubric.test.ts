import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RubricDiffSchema } from '../../src/rubric/diff.js';
import { LintDocumentSchema } from '../../src/report/rubric-lint.js';
import { RubricListDocumentSchema } from '../../src/report/rubric-list.js';
import { RubricShowDocumentSchema } from '../../src/report/rubric-show.js';
import { ROOT, runCli } from '../helpers/cli.js';

const LINT = path.join('test', 'fixtures', 'rubrics', 'lint');

describe('sseval rubric list', () => {
  it('lists the bundled rubrics with id, version, title, period, subject and indicator count', () => {
    const run = runCli(['rubric', 'list']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+버전\s+이름\s+유효 기간\s+대상\s+지표 수\s+파일$/);
    expect(run.stdout).toMatch(/facility\s+2021\s+사회복지시설 평가\s+2021-01-01 ~ 2023-12-31\s+제공기관\s+14\s+bundled:facility-2021\.yaml/);
    expect(run.stdout).toMatch(/facility\s+2024\s+사회복지시설 평가\s+2024-01-01 ~\s+제공기관\s+\d+\s+bundled:facility-2024\.yaml/);
  });

  it('adds the rubrics of --dir, a broken one with its problem count, as JSON too', () => {
    const run = runCli(['rubric', 'list', '--dir', LINT, '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = RubricListDocumentSchema.parse(JSON.parse(run.stdout));
    const clean = doc.rubrics.find((r) => r.file === path.join(LINT, 'clean.yaml'));
    expect(clean).toMatchObject({ id: 'child-care-mini', version: '2024', subject: 'provider', indicators: 2, problems: 0 });
    expect(doc.rubrics.find((r) => r.file === path.join(LINT, 'weights.yaml'))).toMatchObject({ title: null, indicators: null, problems: 2 });
    // a file whose identity reads but whose body does not parse is listed with its problem, so it is not silently missed
    expect(doc.rubrics.find((r) => r.file.endsWith('syntax.yaml'))).toMatchObject({ title: null, problems: 1 });
    expect(doc.rubrics.filter((r) => r.file.startsWith('bundled:')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a --dir that does not exist (exit 2)', () => {
    const run = runCli(['rubric', 'list', '--dir', 'no/such/dir', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error RUBRIC_DIR_NOT_FOUND: rubric folder no/such/dir does not exist\n');
  });
});

describe('sseval rubric show', () => {
  it('shows the rubric as a tree in Korean', () => {
    const run = runCli(['rubric', 'show', path.join(LINT, 'clean.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('아동복지시설 간이 평가 — child-care-mini@2024\n');
    expect(run.stdout).toContain('  [service] 서비스 — 60점\n');
    expect(run.stdout).toContain('    reuse_rate  재이용률 — 60점 · 높을수록 좋음 · 값: returning / users * 100 (%)\n');
    expect(run.stdout).toContain('        구간: ≥ 80 → 60점, ≥ 60 → 45점, ≥ 40 → 30점, 그 외 → 0점\n');
    expect(run.stdout).toContain('        수준: 우수 → 40점, 보통 → 28점, 미흡 → 12점\n');
    expect(run.stdout).toContain('    A: 90 이상 100 이하\n    B: 70 이상 90 미만\n    C: 0 이상 70 미만\n');
  });

  it('shows limiters, follow-ups and weights in English', () => {
    const run = runCli(['rubric', 'show', 'facility@2024', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('abuse_sanction == true → domain rights set to 0 pts');
    expect(run.stdout).toContain('when under_investigation == true → grade withheld');
    expect(run.stdout).toMatch(/\n {2}A → .+\n/);
    expect(run.stdout).toContain('    A (');
  });

  it('prints the rubric with defaults and each indicator maximum as JSON', () => {
    const run = runCli(['rubric', 'show', path.join(LINT, 'clean.yaml'), '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = RubricShowDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.maxPoints).toEqual({ reuse_rate: 60, safety: 40 });
    expect(doc.rubric.defaults.missing).toBe('exclude');
    expect(doc.source.file).toBe(path.join(LINT, 'clean.yaml'));
  });

  it('stops with the rubric problems (exit 2) for a broken rubric, and names the known ids for an unknown one', () => {
    const broken = runCli(['rubric', 'show', path.join(LINT, 'band-gap.yaml'), '--lang', 'en']);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('RUBRIC_BANDS_GAP test/fixtures/rubrics/lint/band-gap.yaml:46 (grading.bands[0].min): gap 88–90 between grades A and B');
    const unknown = runCli(['rubric', 'show', 'no-such-rubric', '--lang', 'en']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/RUBRIC_NOT_FOUND: rubric "no-such-rubric" not found; available rubrics: .*facility/);
  });
});

describe('sseval rubric lint', () => {
  it('exits 0 for clean files and says so', () => {
    const run = runCli(['rubric', 'lint', path.join(LINT, 'clean.yaml'), '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${path.join(LINT, 'clean.yaml')}: no problems\n1 files, 0 errors, 0 warnings, 0 notes\n`);
  });

  it('reports every problem of every file with path and line, and exits 1', () => {
    const run = runCli(['rubric', 'lint', path.join(LINT, 'many.yaml'), path.join(LINT, 'clean.yaml'), '--lang', 'en']);
    expect(run.status).toBe(1);
    const many = path.join(LINT, 'many.yaml');
    expect(run.stdout).toBe(
      [
        `info RUBRIC_UNUSED_FIELD ${many}:12 (fields[3].id): field "users" is used by no indicator, limiter, check or peer group (fine if it is only for --group-by or the record)`,
        `error RUBRIC_UNKNOWN_FIELD ${many}:23 (indicators[0].formula): refers to undefined field "user"`,
        `warning RUBRIC_LABEL_NO_EN ${many}:32 (indicators[1].label): "안전관리" has no English label (en)`,
        `error RUBRIC_BANDS_GAP ${many}:46 (grading.bands[0].min): gap 88–90 between grades A and B`,
        `${path.join(LINT, 'clean.yaml')}: no problems`,
        '2 files, 2 errors, 1 warnings, 1 notes',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when the only findings are notes (a field nothing reads)', () => {
    expect(runCli(['rubric', 'lint', path.join(LINT, 'unused-field.yaml')]).status).toBe(0);
  });

  it('exits 1 for warnings alone', () => {
    expect(runCli(['rubric', 'lint', path.join(LINT, 'label-no-en.yaml')]).status).toBe(1);
  });

  it('exits 2 when a file cannot be read, still linting the others', () => {
    const run = runCli(['rubric', 'lint', 'missing.yaml', path.join(LINT, 'clean.yaml'), '--format', 'json']);
    expect(run.status).toBe(2);
    const doc = LintDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.files.map((f) => [f.file, f.problems.map((p) => p.code)])).toEqual([
      ['missing.yaml', ['RUBRIC_UNREADABLE']],
      [path.join(LINT, 'clean.yaml'), []],
    ]);
    expect(doc.summary).toEqual({ files: 2, errors: 1, warnings: 0, notes: 0 });
  });

  it('gives path, line and message in JSON', () => {
    const run = runCli(['rubric', 'lint', path.join(LINT, 'unordered.yaml'), '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(1);
    const doc = LintDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.files[0]!.problems).toEqual([
      {
        code: 'RUBRIC_THRESHOLDS_UNORDERED',
        severity: 'error',
        path: 'indicators[0].method.bands[1].atLeast',
        line: 29,
        message: 'reuse_rate: thresholds out of order (80 → 85)',
        args: { what: 'reuse_rate', detail: '80 → 85' },
      },
    ]);
  });
});

describe('sseval rubric diff', () => {
  it('prints the changes between two bundled versions as a table', () => {
    const run = runCli(['rubric', 'diff', 'facility@2021', 'facility@2024', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^facility@2021 → facility@2024: \d+ changes\n\nPart\s+ID\s+Change\s+Before\s+After\n/);
    expect(run.stdout).toMatch(/indicator\s+budget_execution\s+thresholds\s+\{ low: 80 \}\s+\{ low: 85 \}\n/);
    expect(run.stdout).toMatch(/indicator\s+case_management\s+renamed\s+Case management output\s+Case management coverage\n/);
    expect(run.stdout).toMatch(/domain\s+programs\s+points\s+30\s+35\n/);
  });

  it('prints a versioned JSON document that names both files', () => {
    const run = runCli(['rubric', 'diff', 'rubrics/facility-2021.yaml', 'facility@2024', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = RubricDiffSchema.parse(JSON.parse(run.stdout));
    expect(doc.from).toMatchObject({ id: 'facility', version: '2021', file: 'rubrics/facility-2021.yaml' });
    expect(doc.to).toMatchObject({ id: 'facility', version: '2024', file: 'bundled:facility-2024.yaml' });
    expect(doc.changes).toContainEqual(expect.objectContaining({ subject: 'indicator', id: 'volunteer_count', change: 'removed' }));
  });

  it('says when nothing changed', () => {
    const clean = path.join(LINT, 'clean.yaml');
    const run = runCli(['rubric', 'diff', clean, clean]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('child-care-mini@2024와 child-care-mini@2024 사이에 차이가 없습니다\n');
  });

  it('stops with exit 2 when a version does not exist', () => {
    const run = runCli(['rubric', 'diff', 'facility@2019', 'facility@2024', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('RUBRIC_VERSION_NOT_FOUND: rubric facility has no version 2019; versions: 2021, 2024');
  });
});

describe('sseval rubric schema', () => {
  it('prints the JSON Schema, the same text as rubrics/schema.json', () => {
    const run = runCli(['rubric', 'schema']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'rubrics', 'schema.json'), 'utf8'));
  });
});

describe('sseval rubric usage errors', () => {
  it('exits 2 for an unknown --format', () => {
    const run = runCli(['rubric', 'lint', path.join(LINT, 'clean.yaml'), '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });
});
