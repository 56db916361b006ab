import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../messages/catalogue.js';
import { diagnosticsAsEvents, errorLinesOnly } from './diagnostic-streams.js';
import { jsonEventLog, textEventLog, type EventLog, type LogFormat } from './event-log.js';
import { noProgress, progressWanted, terminalProgress, type Progress } from './progress.js';

/** What a command may print to: data goes to `out`, diagnostics to `err`. */
export interface Io {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  /** colours for stdout (tables) and stderr (diagnostics), each decided on its own stream */
  readonly outColor: ChalkInstance;
  readonly errColor: ChalkInstance;
  /** what the command did (files read, issues, outputs), for `--log-format json` */
  readonly log: EventLog;
  /** the progress line on a terminal; silent elsewhere */
  readonly progress: Progress;
  /** the same streams for one `sseval run` job: its events and diagnostics carry the job's name */
  forJob(job: string): Io;
  /**
   * rubric folders of the configuration `sseval run` was given, for its jobs; absent, commands read those of
   * SSEVAL_CONFIG or ./sseval.config.yaml
   */
  readonly rubricDirs?: readonly string[];
}

/** The global options that shape stderr: `--quiet` and `--log-format`. */
export interface DiagnosticOptions {
  readonly quiet: boolean;
  readonly logFormat: LogFormat;
}

/**
 * Colour only where a person reads it: NO_COLOR (any non-empty value) turns it off even in a terminal,
 * FORCE_COLOR turns it on; otherwise only for a TTY. Chalk alone ignores NO_COLOR in a TTY.
 */
export function colorEnabled(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return (stream as NodeJS.WriteStream).isTTY === true;
}

/** A closed pipe on stdout (`sseval … | head -1`) is a normal end, not a crash. */
function endQuietlyOnEpipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/**
 * The process's streams with colour decided per stream. `--log-format json` turns stderr into one JSON
 * event per line (diagnostics included, uncoloured); `--quiet` lets only error lines through.
 */
export function processIo(env: NodeJS.ProcessEnv = process.env, options: DiagnosticOptions = { quiet: false, logFormat: 'text' }): Io {
  endQuietlyOnEpipe(process.stdout);
  const json = options.logFormat === 'json';
  const progress = progressWanted(process.stderr, env, options.quiet, json) ? terminalProgress(process.stderr) : noProgress;
  const outColor = new Chalk({ level: colorEnabled(process.stdout, env) ? 1 : 0 });
  const errColor = new Chalk({ level: !json && colorEnabled(process.stderr, env) ? 1 : 0 });
  const withLog = (log: EventLog): Io => {
    const diagnostics = json ? diagnosticsAsEvents(log) : process.stderr;
    const err = options.quiet ? errorLinesOnly(diagnostics) : diagnostics;
    return { out: process.stdout, err, outColor, errColor, log, progress, forJob: (job) => withLog(log.forJob(job)) };
  };
  return withLog(json ? jsonEventLog(process.stderr) : textEventLog);
}

/** Picks the output language: --lang, else SSEVAL_LANG=en gives English, else Korean. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'ko' || flag === 'en') return flag;
  return (env.SSEVAL_LANG ?? '').startsWith('en') ? 'en' : 'ko';
}
