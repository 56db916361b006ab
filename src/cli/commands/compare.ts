import { Chalk } from 'chalk';
import { Option } from 'commander';
import { compareCycles, rubricWarnings } from '../../core/compare.js';
import { problem } from '../../core/problems.js';
import { readGradeDocument } from '../../ingest/grade-json.js';
import { compareDocument } from '../../report/compare-document.js';
import { compareRenderers } from '../../report/compare-renderers.js';
import { renderProblemsText } from '../../report/problems-text.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import { resolveLang, type Io } from '../io.js';
import { toolVersion } from '../version.js';
import { writeOutput } from '../write-output.js';
import type { RegisterCommand } from './index.js';

interface CompareFlags {
  format: string;
  out?: string;
  force?: boolean;
  top?: string;
  lang?: string;
}

/** `sseval compare <before.json> <after.json>`: grade movement, deltas, improvers and decliners between two cycles. */
export const registerCompare: RegisterCommand = (program, io, finish) => {
  program
    .command('compare')
    .description('두 평가 결과(grade --format json)를 비교합니다 / compare two grade results, e.g. two cycles')
    .argument('<before>', 'the earlier result: a `sseval grade --format json` file')
    .argument('<after>', 'the later result: a `sseval grade --format json` file')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(compareRenderers)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .option('--top <n>', 'how many improvers and decliners to list (default: the top 3 % by improvement, at least 1)')
    .addOption(new Option('--lang <lang>', 'language of labels and messages').choices(['ko', 'en']))
    .action(async (before: string, after: string, flags: CompareFlags) => finish(await runCompare(before, after, flags, io)));
};

async function runCompare(beforeFile: string, afterFile: string, flags: CompareFlags, io: Io): Promise<ExitCodeValue> {
  const lang = resolveLang(flags.lang);
  const toFile = flags.out !== undefined && flags.out !== '-';
  if (flags.format === 'xlsx' && !toFile) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--format', value: flags.format, detail: '--out FILE' })]);
  }
  const top = flags.top === undefined ? undefined : Number(flags.top);
  if (top !== undefined && !(Number.isInteger(top) && top >= 1)) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--top', value: flags.top!, detail: '1, 2, 3, …' })]);
  }
  const [before, after] = await Promise.all([readGradeDocument(beforeFile), readGradeDocument(afterFile)]);
  if (!before.doc || !after.doc) throw new ExitError(ExitCode.usage, [...before.problems, ...after.problems]);

  const warnings = rubricWarnings(before.doc.rubric, after.doc.rubric);
  if (warnings.length > 0) {
    io.err.write(renderProblemsText(warnings.map((w) => problem(w.code, 'warning', {}, w.args)), lang, io.errColor));
  }
  const comparison = compareCycles(before.doc, after.doc, top);
  const doc = compareDocument({ file: beforeFile, doc: before.doc }, { file: afterFile, doc: after.doc }, comparison, warnings, toolVersion());
  const render = () => compareRenderers[flags.format]!(doc, { lang, color: toFile ? new Chalk({ level: 0 }) : io.outColor });
  await writeOutput(io, flags.out, lang, render, { force: flags.force === true, inputs: [beforeFile, afterFile] });
  return ExitCode.ok;
}
