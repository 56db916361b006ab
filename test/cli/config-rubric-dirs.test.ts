import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** A working folder with sseval.config.yaml naming a rubric folder that holds a renamed copy of the agency rubric. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sseval-rubric-dirs-'));
  mkdirSync(path.join(dir, 'my-rubrics'));
  const rubric = readFileSync(path.join(ROOT, 'rubrics/agency-management-2024.yaml'), 'utf8').replace(/^id: agency-management$/m, 'id: my-agency');
  writeFileSync(path.join(dir, 'my-rubrics', 'my-agency-2024.yaml'), rubric);
  writeFileSync(
    path.join(dir, 'sseval.config.yaml'),
    `rubric-dirs: [my-rubrics]\nas-of: "2024-12-31"\njobs:\n  - name: mine\n    command: grade\n    rubric: my-agency\n    inputs: [${JSON.stringify(path.join(ROOT, 'fixtures/agencies-2024.csv'))}]\n    output: { format: csv }\n`,
  );
  return dir;
}

describe('rubric folders named in the configuration', () => {
  it('are listed and resolved by every command run in the config folder, and by sseval run', () => {
    const dir = workspace();
    const list = runCli(['rubric', 'list'], { cwd: dir });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/my-agency\s+2024/);

    const grade = runCli(['grade', path.join(ROOT, 'fixtures/agencies-2024.csv'), '--rubric', 'my-agency', '--format', 'json'], { cwd: dir });
    expect(grade.status).toBe(0);
    expect(JSON.parse(grade.stdout).rubric.id).toBe('my-agency');

    const run = runCli(['run'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'mine-my-agency@2024-2024-12-31.csv'))).toBe(true);
  });

  it('sseval run --config F gives its jobs the rubric folders of F, not those of a config in the working folder', () => {
    const dir = workspace();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sseval-rubric-dirs-cwd-'));
    writeFileSync(path.join(elsewhere, 'sseval.config.yaml'), 'rubric-dirs: [no-such-folder]\njobs: []\n');
    const run = runCli(['run', '--config', path.join(dir, 'sseval.config.yaml')], { cwd: elsewhere });
    expect(run.stderr).not.toContain('RUBRIC_DIR_NOT_FOUND');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'mine-my-agency@2024-2024-12-31.csv'))).toBe(true);
  });

  it('a folder named like a rubric file is skipped, not read', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'my-rubrics', 'odd.yaml'));
    const list = runCli(['rubric', 'list'], { cwd: dir });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/my-agency\s+2024/);
    const show = runCli(['rubric', 'show', 'my-agency'], { cwd: dir });
    expect(show.status).toBe(0);
  });

  it('a rubric-dirs that is not a list of folders is a configuration error (exit 2)', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'sseval.config.yaml'), 'rubric-dirs: 3\njobs: []\n');
    const run = runCli(['rubric', 'list'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CONFIG_RUBRIC_DIRS');
  });
});
