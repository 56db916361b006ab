import { Command, CommanderError, Option } from 'commander';
import { problem } from '../core/problems.js';
import { OutputError } from '../report/output.js';
import { renderProblemsText } from '../report/problems-text.js';
import { commands } from './commands/index.js';
import { ExitCode, ExitError, type ExitCodeValue } from './exit.js';
import { handleInterrupts } from './interrupt.js';
import { processIo, resolveLang, type DiagnosticOptions, type Io } from './io.js';
import { toolVersion } from './version.js';

/** The global options, declared once for parsing and `--help`; they shape stderr for every command. */
function globalOptions(): Option[] {
  return [
    new Option('-q, --quiet', 'only errors on stderr: no warnings, notes or progress'),
    new Option('--log-format <format>', 'stderr as text for a person, or one JSON event per line for log collectors').choices(['text', 'json']).default('text'),
  ];
}

/**
 * The command a command line names when only global options come before it; undefined otherwise (help, the
 * version, no command, an unknown option), when every command is registered so that commander answers as always.
 */
export function namedCommand(argv: readonly string[]): string | undefined {
  const options = globalOptions();
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const [flag, value] = arg.split('=', 2);
    const option = options.find((o) => o.long === flag || o.short === flag);
    if (option === undefined) return arg.startsWith('-') ? undefined : arg;
    if (option.required && value === undefined) i += 1;
  }
  return undefined;
}

/**
 * Builds the command-line program for `argv`; each command sets the exit code through `finish`. Only the
 * command `argv` names is loaded and registered, or every command when it names none of them (its help and
 * behaviour are the same either way). `configure`, when given, receives the global options once they are
 * parsed and before the command runs.
 */
export async function buildProgram(
  argv: readonly string[],
  io: Io,
  finish: (code: ExitCodeValue) => void,
  configure?: (options: DiagnosticOptions) => void,
): Promise<Command> {
  const program = new Command('sseval')
    .description('사회서비스 품질 평가 도구 — social-service quality evaluation: validate, score, grade, rank, report')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(sseval --help 로 도움말을 볼 수 있습니다 / run sseval --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
      outputError: (text, write) => write(io.errColor.red(text)),
    });
  for (const option of globalOptions()) program.addOption(option);
  if (configure) {
    program.hook('preAction', () => {
      const flags = program.opts<{ quiet?: boolean; logFormat: string }>();
      configure({ quiet: flags.quiet === true, logFormat: flags.logFormat === 'json' ? 'json' : 'text' });
    });
  }
  const named = commands.find((c) => c.name === namedCommand(argv));
  const needed = named === undefined ? commands : [named];
  for (const register of await Promise.all(needed.map((c) => c.load()))) register(program, io, finish);
  return program;
}

/** Parses and runs one command line with `io` and returns its exit code; `sseval run` runs each job through it. */
export async function runCommandLine(argv: readonly string[], io: Io, configure?: (options: DiagnosticOptions) => void): Promise<ExitCodeValue> {
  let exitCode: ExitCodeValue = ExitCode.ok;
  const finish = (code: ExitCodeValue) => {
    exitCode = code;
  };
  try {
    await (await buildProgram(argv, io, finish, configure)).parseAsync([...argv]);
  } catch (error) {
    exitCode = handleError(error, io, argv);
  }
  return exitCode;
}

/**
 * Runs sseval with argv and sets process.exitCode in this one place; nothing calls process.exit but the
 * interrupt handler. Without a given `io`, the process's streams are shaped by --quiet and --log-format.
 */
export async function main(argv: readonly string[], io?: Io): Promise<void> {
  const processStreams: Io = io ?? processIo();
  const configure = io === undefined ? (options: DiagnosticOptions) => Object.assign(processStreams, processIo(process.env, options)) : undefined;
  const stopHandlingInterrupts = handleInterrupts(processStreams);
  try {
    process.exitCode = await runCommandLine(argv, processStreams, configure);
  } finally {
    stopHandlingInterrupts();
  }
}

function handleError(error: unknown, io: Io, argv: readonly string[]): ExitCodeValue {
  const lang = resolveLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined);
  if (error instanceof CommanderError) {
    // help and version end with code 0; every other commander error is a usage error
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof OutputError) {
    io.err.write(renderProblemsText([error.toProblem()], lang, io.errColor));
    return ExitCode.usage;
  }
  if (error instanceof ExitError) {
    io.err.write(renderProblemsText(error.problems, lang, io.errColor));
    return error.exitCode;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.err.write(renderProblemsText([problem('INTERNAL_ERROR', 'error', {}, { detail })], lang, io.errColor));
  if (process.env.SSEVAL_DEBUG && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
  return ExitCode.internal;
}
