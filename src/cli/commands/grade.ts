import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { explainedResults, gradeTable, resultSummaries } from '../../core/engine.js';
import { Grader } from '../../core/grader.js';
import { recordSpecOf } from '../../core/validate.js';
import { hasErrors, problem, type Problem } from '../../core/problems.js';
import { renderMessage } from '../../messages/index.js';
import { gradeCsvChunks } from '../../report/grade-csv.js';
import { gradeDocument } from '../../report/grade-document.js';
import { fieldLabelOf, gradeRenderers } from '../../report/grade-renderers.js';
import { renderProblemsTable } from '../../report/problems-report.js';
import { renderProblemsText } from '../../report/problems-text.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import { checkFailUnderGrade, failUnderGate, failUnderOption, maxIssuesGate, maxIssuesOption, parseMaxIssues } from '../gates.js';
import type { Io } from '../io.js';
import { loadData } from '../load-data.js';
import { checkCertifiable, writeCertification } from '../certify.js';
import { dateOption, loadRubricRef, rubricDirs } from '../rubric-ref.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
import { toolVersion } from '../version.js';
import { writeOutput } from '../write-output.js';
import type { RegisterCommand } from './index.js';

/** Formats that cannot go to a terminal and need --out. */
const BINARY_FORMATS = new Set(['xlsx']);

interface GradeFlags {
  rubric: string;
  groupBy?: string[];
  format: string;
  out?: string;
  force?: boolean;
  skipInvalid?: boolean;
  failUnder?: string;
  maxIssues?: string;
  notifiedOn?: string;
  register?: string;
  [input: string]: unknown;
}

/** `sseval grade <files...>`: validate, score, grade and rank, then report as table, csv, json (and the formats reports add). */
export const registerGrade: RegisterCommand = (program, io, finish) => {
  const command: Command = program
    .command('grade')
    .description('평가 자료를 검증하고 점수·등급·순위를 매깁니다 / validate, score, grade and rank institutions')
    .argument('<files...>', 'CSV or xlsx input files (- for stdin); several files are read as one data set')
    .option('--rubric <ref>', 'rubric id, id@version, or a rubric file', 'agency-management')
    .option('--group-by <field>', 'rank within this field too (repeat or comma-separate); default the rubric\'s peer groups', collectList)
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(gradeRenderers)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .option('--skip-invalid', 'grade the valid institutions and list the ones skipped for data errors')
    .addOption(failUnderOption())
    .addOption(maxIssuesOption())
    .option('--notified-on <date>', 'certifying rubrics: list the passers as certificates notified on this date (YYYY-MM-DD)')
    .option('--register <file>', 'with --notified-on: also write the passers as a certificate register (CSV) for sseval certs');
  addInputOptions(command);
  command.action(async (files: string[], flags: GradeFlags) => finish(await runGrade(files, flags, io)));
};

function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

async function runGrade(files: string[], flags: GradeFlags, io: Io): Promise<ExitCodeValue> {
  const options = inputOptionsFrom(flags);
  const { asOf, lang } = options;
  if (BINARY_FORMATS.has(flags.format) && (flags.out === undefined || flags.out === '-')) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--format', value: flags.format, detail: '--out FILE' })]);
  }
  const maxIssues = parseMaxIssues(flags.maxIssues);
  const rubric = loadRubricRef(flags.rubric, asOf, rubricDirs([]));
  checkFailUnderGrade(rubric, flags.failUnder);
  const notifiedOn = flags.notifiedOn === undefined ? undefined : dateOption('--notified-on', flags.notifiedOn);
  if (notifiedOn !== undefined) checkCertifiable(rubric, flags.format);
  else if (flags.register !== undefined) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--register', value: flags.register, detail: '--notified-on YYYY-MM-DD' })]);
  }
  const groupBy = flags.groupBy ?? rubric.rubric.peerGroups;
  const unknownGroup = groupBy.find((field) => !rubric.fields.has(field));
  if (unknownGroup !== undefined) {
    const known = [...rubric.fields.keys()].join(', ');
    throw new ExitError(ExitCode.usage, [problem('CLI_UNKNOWN_GROUP_FIELD', 'error', {}, { field: unknownGroup, known })]);
  }

  // CSV needs no indicator findings: records stream into the compact grader as they are read, and rows are
  // built one at a time from its table, so a million institutions are graded in a few hundred megabytes
  const streamed = flags.format === 'csv' && notifiedOn === undefined;
  const grader = streamed ? new Grader(rubric, { asOf, groupBy }) : undefined;
  const dataSet = await loadData(files, recordSpecOf(rubric), grader ? { ...options, onRecord: (record) => grader.add(record) } : options, io);
  const exit = dataSet.exit;
  const fileLevelErrors = dataSet.problems.some((p) => p.severity === 'error' && p.position.institution === undefined);
  if (exit === ExitCode.usage || (exit === ExitCode.dataErrors && (!flags.skipInvalid || fileLevelErrors))) {
    const context = { toolVersion: toolVersion(), rubric, asOf, inputs: dataSet.inputs, records: dataSet.records.length, invalidInstitutions: dataSet.invalidInstitutions.size, problems: dataSet.problems, tally: dataSet.tally, strict: false, lang };
    io.err.write(renderProblemsTable(context, io.errColor));
    if (exit === ExitCode.usage) return exit;
    report(io, lang, [problem('DATA_HAS_ERRORS', 'error', {})]);
    return ExitCode.dataErrors;
  }
  const records = dataSet.records.filter((r) => !dataSet.invalidInstitutions.has(r.id));
  const skipped = [...dataSet.invalidInstitutions].sort();
  const count = grader ? grader.added - dataSet.invalidInstitutions.size : records.length;
  const grading = io.progress.start(renderMessage('PROGRESS_GRADING', { count }, lang));
  const table = grader ? grader.finish(dataSet.invalidInstitutions) : gradeTable(rubric, records, { asOf, groupBy });
  const outcome = { results: streamed ? [] : explainedResults(rubric, records, table, asOf), problems: [...table.problems] };
  grading.end();
  const notes: Problem[] = skipped.length > 0 ? [problem('SKIPPED_INVALID', 'warning', {}, { count: skipped.length, ids: skipped.join(', ') })] : [];
  const problems = [...dataSet.problems, ...outcome.problems, ...notes];
  report(io, lang, problems);

  const doc = gradeDocument(rubric, outcome, { toolVersion: toolVersion(), inputs: dataSet.inputs, asOf, groupBy, skipped });
  const toFile = flags.out !== undefined && flags.out !== '-';
  const render = async () =>
    streamed
      ? gradeCsvChunks(doc, resultSummaries(table), lang, fieldLabelOf(rubric, lang))
      : gradeRenderers[flags.format]!(doc, { rubric, lang, problems, color: toFile ? new Chalk({ level: 0 }) : io.outColor });
  if (notifiedOn === undefined) await writeOutput(io, flags.out, lang, render, { force: flags.force === true, inputs: files });
  else {
    const { format, out, register } = flags;
    await writeCertification(io, { rubric, outcome, records, inputs: dataSet.inputs, notifiedOn, format, out, register, force: flags.force === true, files, lang });
  }
  // skipped institutions, scoring errors and failed gates make a batch job notice (exit 1), after the output is written
  const issues = {
    errors: dataSet.tally.errors + outcome.problems.filter((p) => p.severity === 'error').length,
    warnings: dataSet.tally.warnings + outcome.problems.filter((p) => p.severity === 'warning').length,
  };
  const graded = streamed ? resultSummaries(table) : outcome.results;
  const failedGates = [failUnderGate(rubric, graded, flags.failUnder), maxIssuesGate(issues, maxIssues)].filter((p) => p !== undefined);
  report(io, lang, failedGates);
  return skipped.length > 0 || hasErrors(outcome.problems) || failedGates.length > 0 ? ExitCode.dataErrors : ExitCode.ok;
}

function report(io: Io, lang: 'ko' | 'en', problems: readonly Problem[]): void {
  if (problems.length > 0) io.err.write(renderProblemsText(problems, lang, io.errColor));
}
