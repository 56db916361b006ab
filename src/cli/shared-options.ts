import { Option, type Command } from 'commander';
import { problem } from '../core/problems.js';
import type { PlainDate } from '../core/values.js';
import { isKnownEncoding } from '../ingest/encoding.js';
import { DEFAULT_MAX_ERRORS, type ReadOptions } from '../ingest/read.js';
import type { Lang } from '../messages/catalogue.js';
import { ExitCode, ExitError } from './exit.js';
import { resolveLang } from './io.js';
import { asOfOption } from './rubric-ref.js';
import { todayInKorea } from './today.js';

/** The options of every command that reads data files, declared once for `--help` and parsing alike. */
function inputOptions(): Option[] {
  return [
    new Option('--rubric <ref>', 'rubric id, id@version, or a rubric file').makeOptionMandatory(),
    new Option('--encoding <name>', 'text encoding of CSV input, e.g. cp949, utf-8, utf-16le (default: detected)'),
    new Option('--delimiter <char>', 'CSV delimiter: "," ";" or tab (default: detected)'),
    new Option('--sheet <name|n>', 'workbook sheet by name or 1-based number (default: the first sheet with data)'),
    new Option('--layout <layout>', 'wide: one row per institution; long: institution, indicator, value').choices(['wide', 'long', 'auto']).default('auto'),
    new Option('--max-errors <n>', 'list at most N errors, count the rest (0: list all)').default(String(DEFAULT_MAX_ERRORS)),
    new Option('--as-of <date>', 'as-of date YYYY-MM-DD (default: today in Korea)'),
    new Option('--lang <lang>', 'language of labels and messages (default: ko, or SSEVAL_LANG)').choices(['ko', 'en']),
  ];
}

/**
 * Adds the shared input options to a command; an option the command already declares (say its own
 * --rubric with a default) is left as the command has it.
 */
export function addInputOptions(command: Command): Command {
  for (const option of inputOptions()) {
    if (!command.options.some((existing) => existing.long === option.long)) command.addOption(option);
  }
  return command;
}

/** How a data-reading command reads its inputs, from its parsed flags. */
export interface InputOptions extends ReadOptions {
  readonly rubric: string;
  readonly lang: Lang;
}

const badOption = (option: string, value: string, detail: string) =>
  new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option, value, detail })]);

/** `--as-of YYYY-MM-DD`, or `today` when absent; a date that is not real stops with exit 2. */
export function parseAsOfOption(text: string | undefined, today: PlainDate): PlainDate {
  return text === undefined ? today : asOfOption(text);
}

/** `--delimiter`: one character; "tab" or "\t" for a tab. */
function parseDelimiter(text: string): string {
  const delimiter = ['tab', '\\t'].includes(text.toLowerCase()) ? '\t' : text;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) throw badOption('--delimiter', text, ', ; tab |');
  return delimiter;
}

/** Reads the shared input flags; a bad value stops with exit 2 and says what is allowed. */
export function inputOptionsFrom(flags: Readonly<Record<string, unknown>>, today: PlainDate = todayInKorea()): InputOptions {
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const maxErrors = text('maxErrors') ?? String(DEFAULT_MAX_ERRORS);
  if (!/^\d+$/.test(maxErrors)) throw badOption('--max-errors', maxErrors, '0, 1, 2, …');
  const encoding = text('encoding');
  if (encoding !== undefined && !isKnownEncoding(encoding)) throw badOption('--encoding', encoding, 'utf-8, cp949, euc-kr, utf-16le, …');
  const delimiter = text('delimiter');
  const sheet = text('sheet');
  const layout = text('layout') ?? 'auto';
  return {
    rubric: text('rubric') ?? '',
    lang: resolveLang(text('lang')),
    asOf: parseAsOfOption(text('asOf'), today),
    layout: layout === 'wide' || layout === 'long' ? layout : 'auto',
    maxErrors: Number(maxErrors),
    ...(encoding === undefined ? {} : { encoding }),
    ...(delimiter === undefined ? {} : { delimiter: parseDelimiter(delimiter) }),
    ...(sheet === undefined ? {} : { sheet }),
  };
}
