import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { namedCommand } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

const argv = (line: string) => ['node', 'sseval', ...line.split(' ').filter(Boolean)];

describe('loading only the command a command line names', () => {
  it.each([
    ['grade fixtures/agencies-2024.csv', 'grade'],
    ['-q grade x.csv', 'grade'],
    ['--quiet --log-format json validate x.csv', 'validate'],
    ['--log-format=json certs x.csv', 'certs'],
    ['--log-format json', undefined],
    ['--help grade', undefined],
    ['-V', undefined],
    ['--bogus grade', undefined],
    ['', undefined],
    ['help grade', 'help'],
    ['grad x.csv', 'grad'],
  ])('%s → %s', (line, expected) => {
    expect(namedCommand(argv(line))).toBe(expected);
  });

  it.each(commands.map((c) => [c.name, c.name]))('%s --help, with only %s loaded, is the help given with every command loaded', (name) => {
    const alone = runCli([name, '--help']);
    const withAll = runCli(['help', name]);
    expect(alone.status).toBe(0);
    expect(alone.stdout).toContain(`Usage: sseval ${name}`);
    expect(alone).toEqual(withAll);
  });

  it('lists every command in sseval --help, in order', () => {
    const help = runCli(['--help']).stdout;
    const listed = commands.map((c) => help.indexOf(`\n  ${c.name} `));
    expect(listed.every((at) => at > 0)).toBe(true);
    expect([...listed].sort((a, b) => a - b)).toEqual(listed);
  });
});
