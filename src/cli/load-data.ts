import type { RecordSpec } from '../core/validate.js';
import { renderProblemsTable } from '../report/problems-report.js';
import type { ValidationContext } from '../report/validation-document.js';
import type { CompiledRubric } from '../rubric/model.js';
import { toolVersion } from './version.js';
import { readDataSet, USAGE_PROBLEM_CODES, type DataSetRead } from '../ingest/read.js';
import { renderMessage } from '../messages/index.js';
import { ExitCode, type ExitCodeValue } from './exit.js';
import type { Io } from './io.js';
import { logDataSetRead, readingProgress } from './read-events.js';
import type { InputOptions } from './shared-options.js';

/** The data read, with the exit code it calls for: 2 when a file could not be read at all, 1 for data errors. */
export interface LoadedData extends DataSetRead {
  readonly exit?: ExitCodeValue;
}

/**
 * Reads and validates the input files against a record spec (`recordSpecOf(rubric)`, or a command's own).
 * A file that cannot be read as data (missing, old .xls, encrypted, encoding unknown…) is a usage problem
 * (exit 2); errors in the data give exit 1. Institutions with errors are in `invalidInstitutions`, complete
 * even when the problem list stopped at --max-errors. With `io`, reading `-` from a terminal says how to end,
 * CSV reading shows on the progress line, and the files read and issues found are logged.
 */
export async function loadData(files: readonly string[], spec: RecordSpec, options: InputOptions, io?: Io): Promise<LoadedData> {
  if (io && files.includes('-') && process.stdin.isTTY === true) io.err.write(`${renderMessage('INPUT_FROM_TERMINAL', {}, options.lang)}\n`);
  const reading = io === undefined ? undefined : readingProgress(io, options.lang);
  const dataSet = await readDataSet(files, spec, reading === undefined ? options : { ...options, onBytesRead: reading.onBytesRead });
  reading?.end();
  if (io) logDataSetRead(io.log, dataSet);
  const unreadable = dataSet.problems.some((p) => p.severity === 'error' && USAGE_PROBLEM_CODES.has(p.code));
  if (unreadable) return { ...dataSet, exit: ExitCode.usage };
  return dataSet.tally.errors > 0 ? { ...dataSet, exit: ExitCode.dataErrors } : dataSet;
}

/** What the validation report of a data set says: the same for `sseval validate` and for data a command cannot use. */
export function validationContext(
  rubric: CompiledRubric,
  dataSet: LoadedData,
  options: Pick<InputOptions, 'asOf' | 'lang'>,
  strict = false,
): ValidationContext {
  return {
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
  };
}

/** Prints the validation report of data that cannot be used as it is (the same report `sseval validate` gives) to stderr. */
export function reportDataProblems(io: Io, rubric: CompiledRubric, dataSet: LoadedData, options: Pick<InputOptions, 'asOf' | 'lang'>): void {
  io.err.write(renderProblemsTable(validationContext(rubric, dataSet, options), io.errColor));
}
