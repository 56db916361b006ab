import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CsvLinesJob, LaterLines, SecondWriter } from '../report/grade-csv.js';
import { pendingTempFiles } from '../report/output.js';

/** What the worker thread is given: the lines to write, from ranked position `from` to the end, and where. */
export interface WriteWorkerData {
  readonly job: CsvLinesJob;
  readonly from: number;
  readonly file: string;
}

/** What the worker thread answers: whether every line is in the file. */
export interface WriteWorkerAnswer {
  readonly written: boolean;
}

/**
 * Below this a second thread is not worth starting (writing 100,000 lines takes a few tenths of a second);
 * SSEVAL_SPLIT_MIN_LINES sets another number, so that tests can split small rankings.
 */
const DEFAULT_MIN_LINES = 100_000;

/** The fewest ranking lines written on two threads: SSEVAL_SPLIT_MIN_LINES, a whole number, or 100,000. */
export function splitMinLines(setting: string | undefined): number {
  return setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : DEFAULT_MIN_LINES;
}

/**
 * Second writers for the ranking written to `out`: a worker thread writes the later lines into a temp file beside
 * the output (removed on an interrupt like the output's own temp file), which is then read back in order.
 * `threads` says whether the lines of a second thread were taken.
 */
export class SecondWriters {
  threads = 1;

  constructor(
    private readonly out: string,
    private readonly minLines: number,
  ) {}

  /** A second writer for the lines of `job`. */
  readonly for = (job: CsvLinesJob): SecondWriter => ({
    minLines: this.minLines,
    start: (from) => this.start(job, from),
  });

  private start(job: CsvLinesJob, from: number): LaterLines {
    const file = path.join(path.dirname(this.out), `.${path.basename(this.out)}.sseval-part-${randomBytes(6).toString('hex')}`);
    pendingTempFiles.add(file);
    let worker: Worker | undefined;
    const stop = async () => {
      await worker?.terminate();
      await rm(file, { force: true });
      pendingTempFiles.delete(file);
    };
    try {
      const workerData: WriteWorkerData = { job, from, file };
      worker = new Worker(new URL('./grade-write-worker.js', import.meta.url), { workerData });
    } catch {
      // a ranking that cannot be sent (or no thread to be had): this thread writes every line
      return { done: Promise.resolve(undefined), stop };
    }
    const started = worker;
    const done = new Promise<AsyncIterable<Uint8Array> | undefined>((resolve) => {
      started.once('message', (answer: WriteWorkerAnswer) => {
        if (answer.written) this.threads = 2;
        resolve(answer.written ? piecesOf(file) : undefined);
      });
      // a worker that fails (out of memory, say) leaves the lines to this thread
      started.once('error', () => resolve(undefined));
      started.once('exit', () => resolve(undefined));
    });
    return { done, stop };
  }
}

/** The bytes of a file, in pieces of up to a megabyte read into two buffers by turns (a piece is valid until two more are asked for). */
async function* piecesOf(file: string): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    let [buffer, spare] = [Buffer.allocUnsafe(1 << 20), Buffer.allocUnsafe(1 << 20)];
    for (;;) {
      [buffer, spare] = [spare, buffer];
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
