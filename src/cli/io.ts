import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../messages/catalogue.js';

/** What a command may print to: data goes to `out`, diagnostics to `err`. */
export interface Io {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  /** colours for stdout (tables) and stderr (diagnostics), each decided on its own stream */
  readonly outColor: ChalkInstance;
  readonly errColor: ChalkInstance;
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

/** The process's streams with colour decided per stream. */
export function processIo(env: NodeJS.ProcessEnv = process.env): Io {
  endQuietlyOnEpipe(process.stdout);
  return {
    out: process.stdout,
    err: process.stderr,
    outColor: new Chalk({ level: colorEnabled(process.stdout, env) ? 1 : 0 }),
    errColor: new Chalk({ level: colorEnabled(process.stderr, env) ? 1 : 0 }),
  };
}

/** Picks the output language: --lang, else SSEVAL_LANG=en gives English, else Korean. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'ko' || flag === 'en') return flag;
  return (env.SSEVAL_LANG ?? '').startsWith('en') ? 'en' : 'ko';
}
