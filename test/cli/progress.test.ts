import { describe, expect, it } from 'vitest';
import { progressLine, progressWanted, terminalProgress } from '../../src/cli/progress.js';

const tty = { isTTY: true } as unknown as NodeJS.WritableStream;
const pipe = {} as unknown as NodeJS.WritableStream;

describe('progress line', () => {
  it.each([
    [0, 100, 'reading a.csv [------------------------]   0%'],
    [37, 100, 'reading a.csv [#########---------------]  37%'],
    [100, 100, 'reading a.csv [########################] 100%'],
    [150, 100, 'reading a.csv [########################] 100%'],
    [5, undefined, 'reading a.csv …'],
  ])('%s of %s', (done, total, expected) => {
    expect(progressLine('reading a.csv', done, total)).toBe(expected);
  });

  it.each([
    ['a terminal', tty, {}, false, false, true],
    ['a pipe', pipe, {}, false, false, false],
    ['--quiet', tty, {}, true, false, false],
    ['--log-format json', tty, {}, false, true, false],
    ['a dumb terminal', tty, { TERM: 'dumb' }, false, false, false],
    ['CI', tty, { CI: 'true' }, false, false, false],
    ['NO_COLOR in a terminal (the line has no colour)', tty, { NO_COLOR: '1' }, false, false, true],
  ])('is wanted on %s: %s', (_case, stream, env, quiet, json, expected) => {
    expect(progressWanted(stream, env, quiet, json)).toBe(expected);
  });

  it('redraws at most once per interval and clears the line at the end', () => {
    let written = '';
    let clock = 0;
    const stream = { write: (text: string) => ((written += text), true) } as unknown as NodeJS.WritableStream;
    const task = terminalProgress(stream, 100, () => clock).start('grading', 10);
    task.update(1);
    clock = 50;
    task.update(2);
    clock = 120;
    task.update(5);
    task.end();
    expect(written.split('\r\x1b[K')).toEqual(['', 'grading [------------------------]   0%', 'grading [############------------]  50%', '']);
  });
});
