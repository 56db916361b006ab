import { explainedResults, gradeTable, listedResults, rankedResults, type GradeNeeds, type GradeOutcome, type RankedResults } from '../core/engine.js';
import { Grader } from '../core/grader.js';
import type { InputFile } from '../core/records.js';
import type { ProblemTally } from '../core/problem-log.js';
import { problem, type Problem } from '../core/problems.js';
import { RecordValues } from '../core/record-values.js';
import type { GradableRecord, InstitutionRecord } from '../core/records.js';
import { recordSpecOf } from '../core/validate.js';
import { renderMessage } from '../messages/index.js';
import { gradeDocument, type GradeDocument } from '../report/grade-document.js';
import { renderProblemsText } from '../report/problems-text.js';
import type { CompiledRubric } from '../rubric/model.js';
import { ExitCode, ExitError, type ExitCodeValue } from './exit.js';
import type { Io } from './io.js';
import { loadData, reportDataProblems } from './load-data.js';
import { loadRubricRef, rubricDirs } from './rubric-ref.js';
import { secondReader, SPLIT_MIN_BYTES } from './second-reader.js';
import { splitSetting } from './second-thread.js';
import type { InputOptions } from './shared-options.js';
import { toolVersion } from './version.js';

/** The flags of a command that grades data files (`grade`, `explain`). */
export interface GradeFileFlags {
  readonly rubric: string;
  readonly groupBy?: string[];
  readonly skipInvalid?: boolean;
}

/** Everything graded: the rubric, the valid records, the engine outcome, its document, and the problems reported. */
export interface GradedFiles {
  readonly rubric: CompiledRubric;
  readonly records: readonly InstitutionRecord[];
  /** the results in ranked order, one at a time; with findings as far as `needs` allows */
  readonly results: RankedResults;
  /** results with indicator findings (empty unless `needs` was findings) and the scoring problems */
  readonly outcome: GradeOutcome;
  readonly doc: GradeDocument;
  readonly problems: readonly Problem[];
  /** the problem counts of the data read (all problems, also those past --max-errors) */
  readonly tally: ProblemTally;
  /** institutions left out for data errors (--skip-invalid) */
  readonly skipped: readonly string[];
  readonly inputs: readonly InputFile[];
}

/** `--group-by a,b --group-by c` → [a, b, c]. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/**
 * Resolves the rubric, reads and validates the files, and grades the whole data set, printing the problems to
 * stderr. Data errors stop it (exit 1) unless --skip-invalid, which grades the valid institutions; a file that
 * cannot be read stops it with exit 2. An unknown --group-by field is a usage error. `checkRubric` runs the
 * command's own checks of the rubric before any data is read. `needs` says what the output needs (see GradeNeeds):
 * without findings, records stream into the compact table as they are read and are not kept (a million
 * institutions in a few hundred megabytes); with `values`, their field values are kept column by column.
 */
export async function gradeFiles(
  files: readonly string[],
  flags: GradeFileFlags,
  options: InputOptions,
  io: Io,
  {
    needs = 'findings',
    checkRubric = () => {},
    beforeGrading = () => {},
  }: {
    needs?: GradeNeeds;
    checkRubric?: (rubric: CompiledRubric) => void;
    /** told how many institutions are read, before they are graded and ranked */
    beforeGrading?: (count: number) => void;
  } = {},
): Promise<{ exit: ExitCodeValue } | GradedFiles> {
  const { asOf, lang } = options;
  const rubric = await loadRubricRef(flags.rubric, asOf, await rubricDirs([], io.rubricDirs));
  checkRubric(rubric);
  const groupBy = flags.groupBy ?? rubric.rubric.peerGroups;
  const unknownGroup = groupBy.find((field) => !rubric.fields.has(field));
  if (unknownGroup !== undefined) {
    const known = [...rubric.fields.keys()].join(', ');
    throw new ExitError(ExitCode.usage, [problem('CLI_UNKNOWN_GROUP_FIELD', 'error', {}, { field: unknownGroup, known })]);
  }

  const grader = needs === 'findings' ? undefined : new Grader(rubric, { asOf, groupBy });
  const values = needs === 'values' ? new RecordValues([...rubric.fields.keys()]) : undefined;
  const add = (record: GradableRecord) => {
    grader?.add(record);
    values?.add(record.values);
  };
  // a large CSV graded for its ranking alone is read on two threads
  const split = grader && !values ? { secondReader: secondReader(rubric, { asOf, groupBy }, grader, splitSetting(process.env.SSEVAL_SPLIT_MIN_BYTES, SPLIT_MIN_BYTES)) } : {};
  const dataSet = await loadData(files, recordSpecOf(rubric), grader ? { ...options, onRecord: add, onExpect: (more: number) => grader.expectMore(more), ...split } : options, io);
  const exit = dataSet.exit;
  const fileLevelErrors = dataSet.problems.some((p) => p.severity === 'error' && p.position.institution === undefined);
  if (exit === ExitCode.usage || (exit === ExitCode.dataErrors && (!flags.skipInvalid || fileLevelErrors))) {
    reportDataProblems(io, rubric, dataSet, options);
    if (exit === ExitCode.usage) return { exit };
    io.err.write(renderProblemsText([problem('DATA_HAS_ERRORS', 'error', {})], lang, io.errColor));
    return { exit: ExitCode.dataErrors };
  }
  const records = dataSet.records.filter((r) => !dataSet.invalidInstitutions.has(r.id));
  const skipped = [...dataSet.invalidInstitutions].sort();
  const count = grader ? grader.added - dataSet.invalidInstitutions.size : records.length;
  beforeGrading(count);
  const grading = io.progress.start(renderMessage('PROGRESS_GRADING', { count }, lang));
  const table = grader ? grader.finish(dataSet.invalidInstitutions) : gradeTable(rubric, records, { asOf, groupBy });
  const outcome = { results: needs === 'findings' ? explainedResults(rubric, records, table, asOf) : [], problems: [...table.problems] };
  const results =
    needs === 'findings'
      ? listedResults(outcome.results)
      : rankedResults(rubric, table, (index) => {
          if (values === undefined) throw new Error('findings asked of results graded without their values');
          return values.valuesAt(index);
        }, asOf);
  grading.end();
  const notes = skipped.length > 0 ? [problem('SKIPPED_INVALID', 'warning', {}, { count: skipped.length, ids: skipped.join(', ') })] : [];
  const problems = [...dataSet.problems, ...outcome.problems, ...notes];
  if (problems.length > 0) io.err.write(renderProblemsText(problems, lang, io.errColor));
  const doc = gradeDocument(rubric, outcome, { toolVersion: toolVersion(), inputs: dataSet.inputs, asOf, groupBy, skipped, counts: table });
  return { rubric, records, results, outcome, doc, problems, tally: dataSet.tally, skipped, inputs: dataSet.inputs };
}
