import { Option, type Command } from 'commander';
import { standingOf } from '../../core/explain.js';
import { hasErrors, problem } from '../../core/problems.js';
import { suggestIds } from '../../core/suggest.js';
import { explainDocument } from '../../report/explain-document.js';
import { renderExplainText } from '../../report/explain-text.js';
import { writeToStream } from '../../report/output.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import type { Io } from '../io.js';
import { collectList, gradeFiles, type GradeFileFlags } from '../grade-files.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
import type { RegisterCommand } from './index.js';

interface ExplainFlags extends GradeFileFlags {
  readonly id: string;
  readonly format: 'text' | 'json';
  readonly [input: string]: unknown;
}

/** `sseval explain <files...> --id ID`: how one institution's grade came about. */
export const registerExplain: RegisterCommand = (program, io, finish) => {
  const command: Command = program
    .command('explain')
    .description('한 기관의 등급이 어떻게 나왔는지 설명합니다 / explain how one institution got its grade')
    .argument('<files...>', 'CSV or xlsx input files (- for stdin): the whole data set, since ranks and relative scores depend on it')
    .requiredOption('--id <id>', 'the institution to explain')
    .option('--rubric <ref>', 'rubric id, id@version, or a rubric file', 'agency-management')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--group-by <field>', "rank within this field too (repeat or comma-separate); default the rubric's peer groups", collectList)
    .option('--skip-invalid', 'grade the valid institutions even when others have data errors');
  addInputOptions(command);
  command.action(async (files: string[], flags: ExplainFlags) => finish(await runExplain(files, flags, io)));
};

async function runExplain(files: string[], flags: ExplainFlags, io: Io): Promise<ExitCodeValue> {
  const options = inputOptionsFrom(flags);
  const { lang } = options;
  const graded = await gradeFiles(files, flags, options, io);
  if ('exit' in graded) return graded.exit;
  const { rubric, doc, records, skipped } = graded;

  const result = doc.results.find((r) => r.id === flags.id);
  if (result === undefined) {
    if (skipped.includes(flags.id)) {
      throw new ExitError(ExitCode.dataErrors, [problem('EXPLAIN_INVALID', 'error', { institution: flags.id }, { id: flags.id })]);
    }
    const suggestions = suggestIds(flags.id, doc.results);
    throw new ExitError(ExitCode.usage, [
      suggestions.length > 0
        ? problem('EXPLAIN_UNKNOWN_ID', 'error', {}, { id: flags.id, suggestions: suggestions.join(', ') })
        : problem('EXPLAIN_UNKNOWN_ID_NO_MATCH', 'error', {}, { id: flags.id, count: doc.results.length }),
    ]);
  }

  const explained = explainDocument(doc, rubric, result, standingOf(rubric, result, doc.results, records), lang);
  const content = flags.format === 'json' ? `${JSON.stringify(explained, null, 2)}\n` : renderExplainText(explained, rubric, lang, io.outColor);
  await writeToStream(io.out, content);
  return skipped.length > 0 || hasErrors(graded.outcome.problems) ? ExitCode.dataErrors : ExitCode.ok;
}
