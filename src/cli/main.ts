import { Command, CommanderError } from 'commander';
import { problem } from '../core/problems.js';
import { OutputError } from '../report/output.js';
import { renderProblemsText } from '../report/problems-text.js';
import { commands } from './commands/index.js';
import { ExitCode, ExitError, type ExitCodeValue } from './exit.js';
import { processIo, resolveLang, type Io } from './io.js';
import { toolVersion } from './version.js';

/** Builds the command-line program; each command sets the exit code through `finish`. */
export function buildProgram(io: Io, finish: (code: ExitCodeValue) => void): Command {
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
  for (const register of commands) register(program, io, finish);
  return program;
}

/** Runs sseval with argv and sets process.exitCode in this one place; nothing calls process.exit. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<void> {
  let exitCode: ExitCodeValue = ExitCode.ok;
  const finish = (code: ExitCodeValue) => {
    exitCode = code;
  };
  try {
    await buildProgram(io, finish).parseAsync([...argv]);
  } catch (error) {
    exitCode = handleError(error, io, argv);
  }
  process.exitCode = exitCode;
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
