import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { hasErrors, problem, type Problem } from '../../core/problems.js';
import { gradeRenderers } from '../../report/grade-renderers.js';
import { renderProblemsText } from '../../report/problems-text.js';
import type { CompiledRubric } from '../../rubric/model.js';
import { checkCertifiable, writeCertification } from '../certify.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import { checkFailUnderGrade, failUnderGate, failUnderOption, maxIssuesGate, maxIssuesOption, parseMaxIssues } from '../gates.js';
import { collectList, gradeFiles } from '../grade-files.js';
import type { Io } from '../io.js';
import { dateOption } from '../rubric-ref.js';
import { SecondWriters, SPLIT_MIN_LINES } from '../second-writer.js';
import { splitSetting } from '../second-thread.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
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


async function runGrade(files: string[], flags: GradeFlags, io: Io): Promise<ExitCodeValue> {
  const options = inputOptionsFrom(flags);
  const { lang } = options;
  if (BINARY_FORMATS.has(flags.format) && (flags.out === undefined || flags.out === '-')) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--format', value: flags.format, detail: '--out FILE' })]);
  }
  const maxIssues = parseMaxIssues(flags.maxIssues);
  const notifiedOn = flags.notifiedOn === undefined ? undefined : dateOption('--notified-on', flags.notifiedOn);
  if (notifiedOn === undefined && flags.register !== undefined) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--register', value: flags.register, detail: '--notified-on YYYY-MM-DD' })]);
  }
  const checkRubric = (rubric: CompiledRubric) => {
    checkFailUnderGrade(rubric, flags.failUnder);
    if (notifiedOn !== undefined) checkCertifiable(rubric, flags.format);
  };
  const renderer = gradeRenderers[flags.format]!;
  // certificates list the passers with their findings
  const needs = notifiedOn === undefined ? renderer.needs : 'findings';
  const toFile = flags.out !== undefined && flags.out !== '-';
  // a large ranking written to a CSV file is written on two threads, the second started while the table is graded
  const second =
    toFile && notifiedOn === undefined && flags.format === 'csv' ? new SecondWriters(flags.out!, splitSetting(process.env.SSEVAL_SPLIT_MIN_LINES, SPLIT_MIN_LINES)) : undefined;
  try {
    const graded = await gradeFiles(files, flags, options, io, { needs, checkRubric, beforeGrading: (count) => second?.prepare(count) });
    if ('exit' in graded) return graded.exit;
    const { rubric, records, results, outcome, doc, problems, tally, skipped, inputs } = graded;
    const force = flags.force === true;
    if (notifiedOn === undefined) {
      const color = toFile ? new Chalk({ level: 0 }) : io.outColor;
      const render = () => renderer.render(doc, results, { rubric, lang, problems, color, secondWriter: second?.for });
      await writeOutput(io, flags.out, lang, render, { force, inputs: files }, () => second?.threads ?? 1);
    } else {
      const { format, out, register } = flags;
      await writeCertification(io, { rubric, outcome, records, inputs, notifiedOn, format, out, register, force, files, lang });
    }
    // skipped institutions, scoring errors and failed gates make a batch job notice (exit 1), after the output is written
    const issues = {
      errors: tally.errors + outcome.problems.filter((p) => p.severity === 'error').length,
      warnings: tally.warnings + outcome.problems.filter((p) => p.severity === 'warning').length,
    };
    const failedGates = [failUnderGate(rubric, results.rows, flags.failUnder), maxIssuesGate(issues, maxIssues)].filter((p) => p !== undefined);
    report(io, lang, failedGates);
    return skipped.length > 0 || hasErrors(outcome.problems) || failedGates.length > 0 ? ExitCode.dataErrors : ExitCode.ok;
  } finally {
    // a thread started for a ranking that was not split after all
    await second?.stop();
  }
}

function report(io: Io, lang: 'ko' | 'en', problems: readonly Problem[]): void {
  if (problems.length > 0) io.err.write(renderProblemsText(problems, lang, io.errColor));
}
