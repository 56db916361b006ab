import { open, rm } from 'node:fs/promises';
import type { CsvLinesJob, LaterLines, SecondWriter } from '../report/grade-csv.js';
import { pendingTempFiles, tempPathBeside } from '../report/output.js';
import { startSecondThread, type SecondThread } from './second-thread.js';

/** What the worker thread is sent: the lines to write, from ranked position `from` to the end, and where. */
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
export const SPLIT_MIN_LINES = 100_000;

/**
 * Second writers for the ranking written to `out`: a worker thread writes the later lines into a temp file beside
 * the output (removed on an interrupt like the output's own temp file), which is then read back in order.
 * `threads` says whether the lines of a second thread were taken.
 */
export class SecondWriters {
  threads = 1;
  /** a thread started ahead of its lines */
  private ready: SecondThread<WriteWorkerAnswer> | undefined;

  constructor(
    private readonly out: string,
    private readonly minLines: number,
  ) {}

  /**
   * Starts the thread ahead of a ranking of `lines` lines, when that is worth a second thread: its code loads
   * while the table is graded, instead of while this thread writes the first half.
   */
  prepare(lines: number): void {
    if (lines >= this.minLines && this.ready === undefined) this.ready = startSecondThread<WriteWorkerAnswer>('./grade-write-worker.js', undefined);
  }

  /** Ends a thread prepared and never given lines (the ranking was not written, or not split). */
  async stop(): Promise<void> {
    const ready = this.ready;
    this.ready = undefined;
    await ready?.stop();
  }

  /** A second writer for the lines of `job`. */
  readonly for = (job: CsvLinesJob): SecondWriter => ({
    minLines: this.minLines,
    start: (from) => this.start(job, from),
  });

  private start(job: CsvLinesJob, from: number): LaterLines {
    const file = tempPathBeside(this.out, 'part');
    pendingTempFiles.add(file);
    const thread = this.ready ?? startSecondThread<WriteWorkerAnswer>('./grade-write-worker.js', undefined);
    this.ready = undefined;
    const lines: WriteWorkerData = { job, from, file };
    thread.post(lines);
    const done = thread.answer.then((answer) => {
      if (!answer?.written) return undefined;
      this.threads = 2;
      return piecesOf(file);
    });
    const stop = async () => {
      await thread.stop();
      await rm(file, { force: true });
      pendingTempFiles.delete(file);
    };
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
