import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { tempDir } from '../helpers/xlsx.js';

/** Writes a config into a fresh folder and loads it. */
function load(text: string, name = 'sseval.config.yaml') {
  const file = path.join(tempDir('sseval-config-'), name);
  writeFileSync(file, text);
  return { file, ...loadConfigFile(file) };
}

const GOOD = `version: 1
out-dir: out
as-of: "2024-12-31"
jobs:
  - name: agencies
    command: grade
    rubric: agency-management@2024
    inputs: [data/*.csv, data/*.xlsx]
    output: { format: xlsx }
    group-by: [region]
    gates: { fail-under: C, max-issues: 0 }
  - name: check
    command: validate
    rubric: facility
    inputs: [facilities.csv]
    strict: true
  - name: certs
    command: certs
    rubric: quality-cert
    inputs: ["-"]
    status: expiring
    gates: { fail-if-expiring: true }
`;

describe('loadConfigFile', () => {
  it('reads a valid configuration and resolves its folder', () => {
    const { file, loaded, problems } = load(GOOD);
    expect(problems).toEqual([]);
    expect(loaded?.dir).toBe(path.dirname(file));
    expect(loaded?.config.jobs.map((job) => [job.name, job.command])).toEqual([
      ['agencies', 'grade'],
      ['check', 'validate'],
      ['certs', 'certs'],
    ]);
    expect(loaded?.lineOf('jobs[1]')).toBe(12);
    expect(loaded?.lineOf('jobs[2].inputs')).toBe(20);
  });

  it('reads JSON too', () => {
    const { loaded, problems } = load(JSON.stringify({ jobs: [{ name: 'a', command: 'validate', rubric: 'facility', inputs: ['x.csv'] }] }), 'c.json');
    expect(problems).toEqual([]);
    expect(loaded?.config.jobs[0]?.name).toBe('a');
  });

  const job = (extra: string) => `jobs:\n  - name: a\n    command: grade\n    rubric: agency-management\n    inputs: [a.csv]\n${extra}`;
  it.each([
    ['an unknown job key', job('    outptu: { format: csv }\n'), 'CONFIG_SCHEMA', 'jobs[0]', 2],
    ['a gate of another command', job('    gates: { fail-if-expiring: true }\n'), 'CONFIG_SCHEMA', 'jobs[0].gates', 6],
    ['a format the command lacks', 'jobs:\n  - name: a\n    command: validate\n    rubric: r\n    inputs: [a.csv]\n    output: { format: xlsx }\n', 'CONFIG_SCHEMA', 'jobs[0].output.format', 6],
    ['a date that does not exist', job('    as-of: "2024-02-30"\n'), 'CONFIG_SCHEMA', 'jobs[0].as-of', 6],
    ['an unknown name placeholder', job('    output: { format: csv, name: "{job}-{today}.csv" }\n'), 'CONFIG_SCHEMA', 'jobs[0].output.name', 6],
    ['a folder in a name template', job('    output: { format: csv, name: "x/{job}.csv" }\n'), 'CONFIG_SCHEMA', 'jobs[0].output.name', 6],
    ['an unknown command', 'jobs:\n  - name: a\n    command: explain\n    rubric: r\n    inputs: [a.csv]\n', 'CONFIG_SCHEMA', 'jobs[0].command', 3],
    ['no inputs', 'jobs:\n  - name: a\n    command: grade\n    rubric: r\n    inputs: []\n', 'CONFIG_SCHEMA', 'jobs[0].inputs', 5],
    ['a job name with a slash', 'jobs:\n  - name: a/b\n    command: grade\n    rubric: r\n    inputs: [a.csv]\n', 'CONFIG_SCHEMA', 'jobs[0].name', 2],
    ['a duplicate job name', `${job('')}  - name: a\n    command: validate\n    rubric: r\n    inputs: [b.csv]\n`, 'CONFIG_SCHEMA', 'jobs[1].name', 6],
    ['two jobs reading stdin', 'jobs:\n  - { name: a, command: grade, rubric: r, inputs: ["-"] }\n  - { name: b, command: validate, rubric: r, inputs: ["-"] }\n', 'CONFIG_SCHEMA', 'jobs[1].inputs', 3],
    ['no jobs', 'jobs: []\n', 'CONFIG_SCHEMA', 'jobs', 1],
  ])('refuses %s with its path and line', (_case, text, code, where, line) => {
    const { loaded, problems } = load(text);
    expect(loaded).toBeUndefined();
    expect(problems.map((p) => [p.code, p.position.path, p.position.line])).toContainEqual([code, where, line]);
  });

  it('refuses a YAML syntax error and a duplicate key with their lines', () => {
    expect(load('jobs:\n  - name: a\n    name: b\n').problems.map((p) => [p.code, p.position.line])).toEqual([['CONFIG_SYNTAX', 3]]);
    expect(load('jobs: [\n').problems[0]?.code).toBe('CONFIG_SYNTAX');
  });

  it('says when the file is missing', () => {
    const { problems } = loadConfigFile(path.join(tempDir(), 'nope.yaml'));
    expect(problems.map((p) => p.code)).toEqual(['CONFIG_NOT_FOUND']);
  });
});
