import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problems.js';
import { loadRubricFile } from '../../src/rubric/files.js';
import { lintRubric } from '../../src/rubric/lint.js';
import { parseRubricText } from '../../src/rubric/parse.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rubrics', 'lint');

const found = (problems: readonly Problem[]) =>
  problems.map((p) => ({ code: p.code, severity: p.severity, path: p.position.path, line: p.position.line }));

describe('lintRubric on one broken rubric per problem kind', () => {
  // Each fixture is clean.yaml with one line changed, so the lines are those of clean.yaml (checked with grep -n).
  const cases: { file: string; expected: ReturnType<typeof found> }[] = [
    { file: 'clean.yaml', expected: [] },
    // the parser notices the unclosed [ of line 7 where the next key starts
    { file: 'syntax.yaml', expected: [{ code: 'RUBRIC_SYNTAX', severity: 'error', path: undefined, line: 8 }] },
    { file: 'schema.yaml', expected: [{ code: 'RUBRIC_SCHEMA', severity: 'error', path: 'subject', line: 6 }] },
    {
      file: 'weights.yaml',
      expected: [
        { code: 'RUBRIC_POINTS_MISMATCH', severity: 'error', path: 'domains[0].points', line: 16 },
        { code: 'RUBRIC_POINTS_MISMATCH', severity: 'error', path: 'domains[1].points', line: 17 },
      ],
    },
    { file: 'band-gap.yaml', expected: [{ code: 'RUBRIC_BANDS_GAP', severity: 'error', path: 'grading.bands[0].min', line: 46 }] },
    { file: 'band-overlap.yaml', expected: [{ code: 'RUBRIC_BANDS_OVERLAP', severity: 'error', path: 'grading.bands[0].min', line: 46 }] },
    {
      file: 'unknown-field.yaml',
      expected: [
        { code: 'RUBRIC_UNKNOWN_FIELD', severity: 'error', path: 'indicators[0].formula', line: 23 },
        // with the formula reading `user`, nothing reads `users` any more
        { code: 'RUBRIC_UNUSED_FIELD', severity: 'info', path: 'fields[3].id', line: 12 },
      ],
    },
    {
      file: 'unordered.yaml',
      expected: [{ code: 'RUBRIC_THRESHOLDS_UNORDERED', severity: 'error', path: 'indicators[0].method.bands[1].atLeast', line: 29 }],
    },
    { file: 'field-range.yaml', expected: [{ code: 'RUBRIC_THRESHOLDS_UNORDERED', severity: 'error', path: 'fields[3].max', line: 12 }] },
    { file: 'duplicate-id.yaml', expected: [{ code: 'RUBRIC_DUPLICATE_ID', severity: 'error', path: 'indicators[1].id', line: 31 }] },
    { file: 'unused-field.yaml', expected: [{ code: 'RUBRIC_UNUSED_FIELD', severity: 'info', path: 'fields[2].id', line: 11 }] },
    { file: 'label-no-en.yaml', expected: [{ code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'indicators[1].label', line: 32 }] },
    {
      file: 'level-not-allowed.yaml',
      expected: [{ code: 'RUBRIC_LEVEL_NOT_ALLOWED', severity: 'warning', path: 'indicators[1].method.levels[2].level', line: 41 }],
    },
    { file: 'level-no-values.yaml', expected: [{ code: 'RUBRIC_LEVEL_NO_VALUES', severity: 'warning', path: 'fields[5]', line: 14 }] },
    {
      file: 'many.yaml',
      expected: [
        { code: 'RUBRIC_UNKNOWN_FIELD', severity: 'error', path: 'indicators[0].formula', line: 23 },
        { code: 'RUBRIC_BANDS_GAP', severity: 'error', path: 'grading.bands[0].min', line: 46 },
        { code: 'RUBRIC_UNUSED_FIELD', severity: 'info', path: 'fields[3].id', line: 12 },
        { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'indicators[1].label', line: 32 },
      ],
    },
  ];

  it.each(cases)('$file', ({ file, expected }) => {
    const { problems } = loadRubricFile(path.join(FIXTURES, file), lintRubric);
    expect(found(problems)).toEqual(expected);
  });
});

describe('lintRubric on labels anywhere in the document', () => {
  const LABELS_RUBRIC = `
id: labels
version: "1"
effective: { from: "2024-01-01" }
title: { ko: 명칭 점검 }
subject: agency
fields:
  - { id: id, label: { ko: 기관코드, en: Code }, type: id }
  - { id: name, label: { ko: 기관명, en: Name }, type: text }
  - { id: score, label: { ko: 점수, en: Score }, type: number, description: { ko: 평가 점수 } }
  - { id: sanction, label: { ko: 처분, en: Sanction }, type: boolean }
domains: [{ id: all, label: { ko: 전체, en: All }, points: 100 }]
indicators:
  - { id: score, label: { ko: 점수, en: Score }, domain: all, points: 100, field: score, method: { kind: direct } }
total: { points: 100 }
grading: { kind: bands, bands: [{ grade: P, min: 60, label: { ko: 통과 } }, { grade: F }] }
limiters:
  - { id: cap, label: { ko: 처분 상한 }, when: sanction == true, effect: { kind: capGrade, grade: F } }
followUps:
  - { grades: [F], action: { ko: 컨설팅 } }
`;

  it('reports every label without English by its path, the title and descriptions included', () => {
    const { rubric, problems } = parseRubricText(LABELS_RUBRIC, 'labels.yaml', undefined, lintRubric);
    expect(rubric).toBeDefined();
    expect(found(problems)).toEqual([
      { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'title', line: 5 },
      { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'fields[2].description', line: 10 },
      { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'grading.bands[0].label', line: 16 },
      { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'limiters[0].label', line: 18 },
      { code: 'RUBRIC_LABEL_NO_EN', severity: 'warning', path: 'followUps[0].action', line: 20 },
    ]);
    expect(problems.map((p) => p.args.ko)).toEqual(['명칭 점검', '평가 점수', '통과', '처분 상한', '컨설팅']);
  });

  it('is not run when the schema fails, so a broken file reports schema errors only', () => {
    const { problems } = parseRubricText(LABELS_RUBRIC.replace('subject: agency', 'subject: nobody'), 'labels.yaml', undefined, lintRubric);
    expect(problems.map((p) => p.code)).toEqual(['RUBRIC_SCHEMA']);
  });
});

describe('lint of the bundled rubrics', () => {
  it('finds no errors or warnings in any bundled rubric', async () => {
    const { listRubricFiles } = await import('../../src/rubric/files.js');
    const files = listRubricFiles().map((e) => e.file);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const serious = loadRubricFile(file, lintRubric).problems.filter((p) => p.severity !== 'info');
      expect({ file, problems: found(serious) }).toEqual({ file, problems: [] });
    }
  });
});
