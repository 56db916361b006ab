import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobArgv, outputPath } from '../../src/config/job-argv.js';
import { JobSchema, type Job } from '../../src/config/schema.js';

const job = (fields: Record<string, unknown>): Job => JobSchema.parse({ name: 'nightly', command: 'grade', rubric: 'agency-management', inputs: ['a.csv'], ...fields });

const context = { configDir: '/cfg', asOf: '2024-12-31', rubricId: 'agency-management', rubricVersion: '2024' };

describe('outputPath', () => {
  it.each([
    ['no output: the command prints to stdout', {}, {}, undefined],
    ['the default template in the config folder', { output: { format: 'xlsx' } }, {}, '/cfg/nightly-agency-management@2024-2024-12-31.xlsx'],
    ['the default template in the config out-dir', { output: { format: 'csv' } }, { configOutDir: '/cfg/out' }, '/cfg/out/nightly-agency-management@2024-2024-12-31.csv'],
    ['--out-dir wins over the config out-dir', { output: { format: 'json' } }, { configOutDir: '/cfg/out', outDir: '/tmp/o' }, '/tmp/o/nightly-agency-management@2024-2024-12-31.json'],
    ['a name template', { output: { format: 'table', name: '{command}-{job}-{format}.{ext}' } }, {}, '/cfg/grade-nightly-table.txt'],
    ['a path from the config folder', { output: { format: 'csv', path: 'res/x.csv' } }, {}, '/cfg/res/x.csv'],
    ['a path keeps its name in --out-dir', { output: { format: 'csv', path: 'res/x.csv' } }, { outDir: '/tmp/o' }, '/tmp/o/x.csv'],
    ['- is stdout', { output: { format: 'csv', path: '-' } }, { outDir: '/tmp/o' }, '-'],
  ])('%s', (_case, fields, extra, expected) => {
    expect(outputPath(job(fields), { ...context, ...extra })).toBe(expected === undefined || expected === '-' ? expected : path.normalize(expected));
  });
});

describe('jobArgv', () => {
  it('puts the config options first, the overrides after them and the inputs after --', () => {
    const grade = job({ 'group-by': ['region', 'type'], 'skip-invalid': true, gates: { 'fail-under': 'C', 'max-issues': 3 }, sheet: 2, output: { format: 'csv' } });
    expect(jobArgv(grade, { files: ['a.csv', '-x.csv'], rubric: 'agency-management', asOf: '2024-12-31', out: 'o.csv', force: true }, ['--lang', 'en'])).toEqual([
      'grade',
      '--rubric', 'agency-management',
      '--as-of', '2024-12-31',
      '--sheet', '2',
      '--format', 'csv',
      '--out', 'o.csv',
      '--force',
      '--group-by', 'region,type',
      '--skip-invalid',
      '--fail-under', 'C',
      '--max-issues', '3',
      '--lang', 'en',
      '--', 'a.csv', '-x.csv',
    ]);
  });

  it('gives validate and certs their own options and gates', () => {
    const validate = JobSchema.parse({ name: 'v', command: 'validate', rubric: 'facility', inputs: ['a.csv'], strict: true, gates: { 'max-issues': 0 } });
    expect(jobArgv(validate, { files: ['a.csv'], rubric: 'facility', asOf: '2024-01-02', force: true }, [])).toEqual([
      'validate', '--rubric', 'facility', '--as-of', '2024-01-02', '--strict', '--max-issues', '0', '--', 'a.csv',
    ]);
    const certs = JobSchema.parse({ name: 'c', command: 'certs', rubric: 'quality-cert', inputs: ['-'], within: '90d', status: 'expiring', 'group-by': 'region', gates: { 'fail-if-expiring': true } });
    expect(jobArgv(certs, { files: ['-'], rubric: 'quality-cert', asOf: '2025-06-30', lang: 'en', force: false }, [])).toEqual([
      'certs', '--rubric', 'quality-cert', '--as-of', '2025-06-30', '--lang', 'en', '--within', '90d', '--status', 'expiring', '--group-by', 'region', '--fail-if-expiring', '--', '-',
    ]);
  });
});
