import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchWorkspace } from '../helpers/batch.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const AGENCIES = path.join(ROOT, 'fixtures', 'agencies-2024.csv');

describe('batch behaviour: stdin, stdout, pipes, interrupts, determinism', () => {
  it('reads - from stdin and writes - to stdout, the same CSV as from the file', () => {
    const args = ['--rubric', 'agency-management', '--as-of', '2024-12-31', '--format', 'csv'];
    const fromFile = runCli(['grade', AGENCIES, ...args]);
    const fromStdin = runCli(['grade', '-', ...args, '--out', '-'], { input: readFileSync(AGENCIES) });
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout.split('\n')).toHaveLength(18);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('a run job reads stdin and writes its output to stdout', async () => {
    const workspace = await batchWorkspace();
    workspace.config('jobs:\n  - { name: piped, command: grade, rubric: agency-management, as-of: "2024-12-31", inputs: ["-"], output: { format: csv, path: "-" } }\n');
    const run = runCli(['run', '--quiet'], { cwd: workspace.dir, input: readFileSync(AGENCIES) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[1]).toMatch(/^1,0301,대전사회서비스원,/);
  });

  it('piped into head -1 it ends quietly: one line, no EPIPE trace', () => {
    const command = `"${process.execPath}" "${BIN}" grade fixtures/facilities-2024.csv --rubric facility --as-of 2024-12-31 --format json | head -1`;
    const result = spawnSync('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('two runs of the same config give byte-identical CSV and JSON outputs', async () => {
    const workspace = await batchWorkspace();
    const jobs = [
      ['grade-csv', 'grade', 'agency-management', 'data/agencies-*.*', 'csv'],
      ['grade-json', 'grade', 'agency-management', 'data/agencies-*.*', 'json'],
      ['validate-csv', 'validate', 'facility', 'data/facilities-2024.csv', 'csv'],
      ['validate-json', 'validate', 'facility', 'data/facilities-2024.csv', 'json'],
      ['certs-csv', 'certs', 'quality-cert', 'data/certs/*.csv', 'csv'],
      ['certs-json', 'certs', 'quality-cert', 'data/certs/*.csv', 'json'],
    ];
    workspace.config(`as-of: "2025-06-30"\njobs:\n${jobs.map(([name, command, rubric, input, format]) => `  - { name: ${name}, command: ${command}, rubric: ${rubric}, inputs: ["${input}"], output: { format: ${format} } }`).join('\n')}\n`);
    const first = runCli(['run', '--out-dir', 'one'], { cwd: workspace.dir });
    const second = runCli(['run', '--out-dir', 'two'], { cwd: workspace.dir });
    expect([first.status, second.status]).toEqual([0, 0]);
    const files = readdirSync(path.join(workspace.dir, 'one')).sort();
    expect(files).toHaveLength(6);
    expect(readdirSync(path.join(workspace.dir, 'two')).sort()).toEqual(files);
    for (const file of files) {
      const bytes = (run: string) => readFileSync(path.join(workspace.dir, run, file));
      expect(bytes('one').equals(bytes('two')), file).toBe(true);
    }
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s while a job reads a large input: exit 130, earlier outputs whole, no partial file', async (signal) => {
    const workspace = await batchWorkspace();
    workspace.config(
      'as-of: "2024-12-31"\nout-dir: out\njobs:\n' +
        '  - { name: first, command: validate, rubric: facility, inputs: [data/facilities-2024.csv], output: { format: json } }\n' +
        '  - { name: big, command: grade, rubric: facility, inputs: ["-"], output: { format: csv } }\n',
    );
    const lines = readFileSync(path.join(ROOT, 'fixtures', 'facilities-2024.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
    const rows = Array.from({ length: 20000 }, (_, i) => lines[1 + (i % (lines.length - 1))]!.replace(/^\d+/, String(3000000 + i)));
    const child = spawn(process.execPath, [BIN, 'run', '--log-format', 'json'], { cwd: workspace.dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // the interrupted process stops reading its stdin: our end of the pipe then fails, as it should
    child.stdin.on('error', () => undefined);
    // a large input that is still arriving: the header and half the rows, with stdin left open
    child.stdin.write(`${lines[0]}\n${rows.slice(0, 10000).join('\n')}\n`);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes('"event":"job-started","command":"grade"')) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill(signal);
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(130);
    const events = stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as { event: string; signal?: string });
    expect(events.at(-2)).toMatchObject({ event: 'interrupted', signal });
    expect(readdirSync(path.join(workspace.dir, 'out'))).toEqual(['first-facility@2024-2024-12-31.json']);
    expect(() => JSON.parse(readFileSync(path.join(workspace.dir, 'out', 'first-facility@2024-2024-12-31.json'), 'utf8'))).not.toThrow();
  });

  it('an existing output is kept and an input is never overwritten, even with --force', async () => {
    const workspace = await batchWorkspace();
    const input = path.join(workspace.dir, 'data', 'agencies-a.csv');
    const before = readFileSync(input);
    const run = runCli(['grade', input, '--rubric', 'agency-management', '--as-of', '2024-12-31', '--format', 'csv', '--out', input, '--force']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OUTPUT_IS_INPUT');
    expect(readFileSync(input).equals(before)).toBe(true);
    writeFileSync(path.join(workspace.dir, 'kept.csv'), 'keep me');
    const kept = runCli(['grade', input, '--rubric', 'agency-management', '--as-of', '2024-12-31', '--format', 'csv', '--out', 'kept.csv'], { cwd: workspace.dir });
    expect(kept.status).toBe(2);
    expect(readFileSync(path.join(workspace.dir, 'kept.csv'), 'utf8')).toBe('keep me');
    expect(readdirSync(workspace.dir).filter((name) => name.includes('sseval-tmp'))).toEqual([]);
  });
});
