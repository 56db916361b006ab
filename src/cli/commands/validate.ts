import { Option, type Command } from 'commander';
import { recordSpecOf } from '../../core/validate.js';
import { writeToStream } from '../../report/output.js';
import { problemsRenderers } from '../../report/problems-report.js';
import { isValid } from '../../report/validation-document.js';
import { ExitCode, type ExitCodeValue } from '../exit.js';
import type { Io } from '../io.js';
import { loadData } from '../load-data.js';
import { loadRubricRef, rubricDirs } from '../rubric-ref.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
import { toolVersion } from '../version.js';
import type { RegisterCommand } from './index.js';

interface ValidateFlags {
  format: string;
  strict?: boolean;
  [input: string]: unknown;
}

/** `sseval validate <files...> --rubric REF`: every problem in the data, with its cell; exit 0 valid, 1 errors, 2 unreadable. */
export const registerValidate: RegisterCommand = (program, io, finish) => {
  const command: Command = program
    .command('validate')
    .description('자료 파일을 평가 기준에 맞춰 검증합니다 / check data files against a rubric, every problem with its cell')
    .argument('<files...>', 'CSV or xlsx input files (- for stdin); several files are read as one data set')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(problemsRenderers)).default('table'))
    .option('--strict', 'warnings fail the data too (exit 1)');
  addInputOptions(command);
  command.action(async (files: string[], flags: ValidateFlags) => finish(await runValidate(files, flags, io)));
};

async function runValidate(files: string[], flags: ValidateFlags, io: Io): Promise<ExitCodeValue> {
  const options = inputOptionsFrom(flags);
  const rubric = loadRubricRef(options.rubric, options.asOf, rubricDirs([]));
  const dataSet = await loadData(files, recordSpecOf(rubric), options, io);
  const strict = flags.strict === true;
  const report = problemsRenderers[flags.format]!(
    {
      toolVersion: toolVersion(),
      rubric,
      asOf: options.asOf,
      inputs: dataSet.inputs,
      records: dataSet.records.length,
      invalidInstitutions: dataSet.invalidInstitutions.size,
      problems: dataSet.problems,
      tally: dataSet.tally,
      strict,
      lang: options.lang,
    },
    io.outColor,
  );
  await writeToStream(io.out, report);
  if (dataSet.exit === ExitCode.usage) return ExitCode.usage;
  return isValid(dataSet.tally, strict) ? ExitCode.ok : ExitCode.dataErrors;
}
