import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { recordSpecOf } from '../../core/validate.js';
import { problemsRenderers } from '../../report/problems-report.js';
import { renderProblemsText } from '../../report/problems-text.js';
import { isValid } from '../../report/validation-document.js';
import { ExitCode, type ExitCodeValue } from '../exit.js';
import { maxIssuesGate, maxIssuesOption, parseMaxIssues } from '../gates.js';
import type { Io } from '../io.js';
import { loadData, validationContext } from '../load-data.js';
import { loadRubricRef, rubricDirs } from '../rubric-ref.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
import { writeOutput } from '../write-output.js';
import type { RegisterCommand } from './index.js';

interface ValidateFlags {
  format: string;
  strict?: boolean;
  out?: string;
  force?: boolean;
  maxIssues?: string;
  [input: string]: unknown;
}

/** `sseval validate <files...> --rubric REF`: every problem in the data, with its cell; exit 0 valid, 1 errors, 2 unreadable. */
export const registerValidate: RegisterCommand = (program, io, finish) => {
  const command: Command = program
    .command('validate')
    .description('자료 파일을 평가 기준에 맞춰 검증합니다 / check data files against a rubric, every problem with its cell')
    .argument('<files...>', 'CSV or xlsx input files (- for stdin); several files are read as one data set')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(problemsRenderers)).default('table'))
    .option('--strict', 'warnings fail the data too (exit 1)')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addOption(maxIssuesOption());
  addInputOptions(command);
  command.action(async (files: string[], flags: ValidateFlags) => finish(await runValidate(files, flags, io)));
};

async function runValidate(files: string[], flags: ValidateFlags, io: Io): Promise<ExitCodeValue> {
  const options = inputOptionsFrom(flags);
  const maxIssues = parseMaxIssues(flags.maxIssues);
  const rubric = await loadRubricRef(options.rubric, options.asOf, await rubricDirs([], io.rubricDirs));
  const dataSet = await loadData(files, recordSpecOf(rubric), options, io);
  const strict = flags.strict === true;
  const toFile = flags.out !== undefined && flags.out !== '-';
  const render = async () =>
    problemsRenderers[flags.format]!(validationContext(rubric, dataSet, options, strict), toFile ? new Chalk({ level: 0 }) : io.outColor);
  await writeOutput(io, flags.out, options.lang, render, { force: flags.force === true, inputs: files });
  if (dataSet.exit === ExitCode.usage) return ExitCode.usage;
  const tooManyIssues = maxIssuesGate(dataSet.tally, maxIssues);
  if (tooManyIssues) io.err.write(renderProblemsText([tooManyIssues], options.lang, io.errColor));
  return isValid(dataSet.tally, strict) && tooManyIssues === undefined ? ExitCode.ok : ExitCode.dataErrors;
}
