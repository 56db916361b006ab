import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { problem } from '../core/problems.js';

/** Why an output could not be written; the CLI turns it into a usage error (exit 2). */
export class OutputError extends Error {
  constructor(readonly code: 'OUTPUT_EXISTS' | 'OUTPUT_IS_INPUT' | 'OUTPUT_FAILED', readonly file: string, readonly detail = '') {
    super(`${code}: ${file}`);
  }

  /** The problem to report. */
  toProblem() {
    return problem(this.code, 'error', { file: this.file }, { file: this.file, detail: this.detail });
  }
}

/**
 * What an output is: one string or buffer, or pieces written in turn (a large CSV is never one string; a result
 * workbook's pieces come from its zip stream as the sheets are written).
 */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const ignore = () => undefined;

const isWhole = (content: OutputContent): content is string | Uint8Array => typeof content === 'string' || content instanceof Uint8Array;

export interface WriteOptions {
  /** replace an existing output file */
  readonly force: boolean;
  /** input paths, which are never overwritten, even with force */
  readonly inputs: readonly string[];
}

const samePath = (a: string, b: string) => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
};

/** A new temp file's path in the folder of `target`, hidden, named after it and what it is for (`tmp`, `part`). */
export function tempPathBeside(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.sseval-${purpose}-${randomBytes(6).toString('hex')}`);
}

/** Temp files being written right now, so an interrupt handler can remove them. */
export const pendingTempFiles = new Set<string>();

/**
 * Writes a file atomically: the content goes to a temp file in the same folder, which is renamed over the
 * target only when complete, so a failure never leaves a half-written output. Refuses to replace an input,
 * and an existing file unless `force`.
 */
export async function writeFileAtomic(target: string, content: OutputContent, options: WriteOptions): Promise<void> {
  if (options.inputs.some((input) => samePath(input, target))) throw new OutputError('OUTPUT_IS_INPUT', target);
  if (existsSync(target) && !options.force) throw new OutputError('OUTPUT_EXISTS', target);
  const temp = tempPathBeside(target, 'tmp');
  pendingTempFiles.add(temp);
  try {
    const handle = await open(temp, 'wx');
    try {
      // writeFile on a handle writes from the current position: the pieces follow one another. The next piece is
      // made while the last one is written (one write at a time keeps them in order).
      let writing: Promise<void> = Promise.resolve();
      try {
        for await (const piece of isWhole(content) ? [content] : content) {
          await writing;
          writing = handle.writeFile(piece);
          writing.catch(ignore); // awaited in turn; this only keeps a failure from counting as unhandled meanwhile
        }
        await writing;
      } finally {
        await writing.catch(ignore); // never close the file under a write
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof OutputError) throw error;
    throw new OutputError('OUTPUT_FAILED', target, (error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    pendingTempFiles.delete(temp);
  }
}

/**
 * Writes text to a stream, piece by piece when it comes in pieces, and resolves once it is flushed; a closed pipe
 * (EPIPE, e.g. `| head`) is a normal end.
 */
export async function writeToStream(stream: NodeJS.WritableStream, content: OutputContent): Promise<void> {
  if (isWhole(content)) return writeWhole(stream, content);
  for await (const piece of content) {
    // after a closed pipe the stream is destroyed: the rest has nowhere to go
    if ((stream as NodeJS.WritableStream & { destroyed?: boolean }).destroyed === true) return;
    await writeWhole(stream, piece);
  }
}

function writeWhole(stream: NodeJS.WritableStream, content: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error));
    stream.once('error', onError);
    stream.write(content, (error) => {
      stream.removeListener('error', onError);
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}
